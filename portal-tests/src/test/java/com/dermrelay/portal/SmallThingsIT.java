package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.ClinicConsolePage;
import com.dermrelay.testing.portal.PatientIntake;
import com.dermrelay.testing.portal.PatientPortalPage;
import com.dermrelay.testing.portal.WorkbenchPage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The small things a patient (and the clinic's staff) notice (issue 18), in one browser: two cases
 * of one day told apart in the case list; a timeline that says who did what; the default logo and
 * the favicon on every portal; a renamed clinic named anew in its legal footer and consent text;
 * the workbench and the console on a tablet (768 px), the worklist and a case on a phone (390 px),
 * with no sideways scrolling of the page.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class SmallThingsIT {
  private static final String NORTHSIDE = "northside-skin";

  @Test
  void thePatientTellsTwoCasesApartAndReadsWhoDidWhat(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient(NORTHSIDE);
    IntakeJourney.SubmittedCase spot = journey.submitAs(patient, IntakeJourney.routineIntake());
    ObjectNode rash = IntakeJourney.rashIntake();
    rash.putArray("bodySites").addObject().put("region", "neck").put("laterality", "midline");
    rash.withArray("bodySites").addObject().put("region", "chest").put("laterality", "midline");
    IntakeJourney.SubmittedCase rashCase = journey.submitAs(patient, rash);

    PatientIntake portal =
        PatientIntake.signIn(
            stack, browser, "northside", patient.email(), IntakeJourney.PASSWORD, "Journey");
    String spotItem =
        portal.page().text("#my-cases li[data-case='" + spot.caseId() + "'] .case-list__title");
    String rashItem =
        portal.page().text("#my-cases li[data-case='" + rashCase.caseId() + "'] .case-list__title");
    assertEquals("A spot — Left forearm", spotItem);
    assertEquals("A rash — neck and 1 more", rashItem);
    assertTrue(
        portal.page().text("#my-cases li[data-case='" + spot.caseId() + "']").contains("Started "),
        "the day stays beside the label");
    assertFitsTheWidth(browser, "the patient's case list");

    portal.openCase(spot.caseId());
    String timeline = portal.page().text("#case-timeline");
    for (String said :
        List.of(
            "You started the consultation",
            "You sent a photo: ",
            "The clinic’s system checked your photo: ",
            "You sent it to the clinic",
            "The clinic’s system checked it and gave it a priority",
            "The clinic put it in line for a dermatologist")) {
      assertTrue(timeline.contains(said), "the timeline says \"" + said + "\":\n" + timeline);
    }
    assertFalse(
        timeline.contains("The clinic updated your consultation"),
        "every event says who: " + timeline);
    assertFitsTheWidth(browser, "a case on the patient's phone");

    portal.page().click("button[data-language='es']");
    portal.page().awaitHeading("Su consulta");
    assertTrue(
        portal.page().text("#case-timeline").contains("El sistema de la clínica revisó su foto"),
        portal.page().text("#case-timeline"));
    portal.page().click("button[data-language='en']");
    portal.page().awaitHeading("Your consultation");
  }

  @Test
  void aNewClinicHasTheDefaultLogoAndARenameReachesItsFooterAndConsent(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String slug = "small-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfNewClinic(stack, slug);

    PatientPortalPage page = new PatientPortalPage(stack, browser).open(slug, "");
    assertTrue(page.logoLoaded(), "a new clinic's default logo (/brands/default/logo.svg) loads");
    assertEquals(
        "Clinic "
            + slug
            + ". Online consultations do not replace emergency care: call your local"
            + " emergency number in an emergency.",
        page.text("#legal-footer"));
    assertIcon(browser, "the patient portal");

    HttpResponse<String> read = api.get("/clinics/" + slug + "/settings", admin);
    ObjectNode settings = (ObjectNode) ApiCalls.json(read);
    ((ObjectNode) settings.get("config")).put("displayName", "Lakeside Skin " + slug);
    HttpResponse<String> renamed =
        api.call("PUT", "/clinics/" + slug + "/settings", admin, settings.toString());
    assertEquals(200, renamed.statusCode(), renamed.body());

    page.open(slug, "");
    assertTrue(
        page.text("#legal-footer").startsWith("Lakeside Skin " + slug + ". Online consultations"),
        page.text("#legal-footer"));
    String consent =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch('/public/clinics/"
                        + slug
                        + "/branding').then((r) => r.json()).then((b) => done(b.consent.text));");
    assertTrue(consent.contains("a dermatologist of Lakeside Skin " + slug + " reviews"), consent);
    assertFalse(consent.contains("Clinic " + slug) || consent.contains("{clinic}"), consent);
  }

  @Test
  void theWorkbenchAndTheConsoleFitATabletAndTheWorklistAndACaseFitAPhone(
      LocalStack stack, WebDriver browser) {
    IntakeJourney.SubmittedCase c =
        new IntakeJourney(stack, new ApiCalls(stack))
            .submit(NORTHSIDE, IntakeJourney.routineIntake());
    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD);
    assertIcon(browser, "the workbench");
    for (int width : new int[] {768, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      assertTrue(workbench.worklistWith(c.caseId()).contains(c.caseId()));
      workbench.visible("#worklist tr[data-case='" + c.caseId() + "']");
      assertFitsTheWidth(browser, "the worklist at " + width + " px");
      workbench.openCase(c.caseId());
      assertFitsTheWidth(browser, "a case at " + width + " px");
      assertTrue(workbench.visible("#history").isDisplayed());
      if (width == 768) {
        // The registration number the clinic's letters print under Dr. Chen's name: set, then
        // cleared.
        workbench.click("#registration summary");
        workbench.type("registration", "GMC 7654321");
        workbench.click("#registration-form button[type='submit']");
        assertEquals(
            "Saved: letters now show GMC 7654321.",
            workbench.text("#registration-form .status-message"));
        workbench.visible("#registration-form input[name='registration']").clear();
        workbench.click("#registration-form button[type='submit']");
        workbench.wait.until(
            d ->
                workbench
                    .text("#registration-form .status-message")
                    .startsWith("Saved: letters show no"));
      }
      workbench.screenshot("workbench-case-" + width);
      browser.navigate().back();
      workbench.visible("#worklist, #worklist-empty");
    }

    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open();
    console.signIn("admin@northside.example", "Demo-Admin-1");
    console.visible("#console-nav");
    assertIcon(browser, "the console");
    browser.manage().window().setSize(new Dimension(768, 900));
    for (String[] section :
        new String[][] {
          {"dashboard", "#dashboard"},
          {"team", "#team"},
          {"settings", "#settings-form"},
          {"audit", "#audit-form, #audit-results, main h1"}
        }) {
      console.visible("#console-nav a[data-section='" + section[0] + "']").click();
      console.visible(section[1]);
      assertFitsTheWidth(browser, "the console's " + section[0] + " at 768 px");
    }
    console.screenshot("console-768");
  }

  /** No sideways scrolling: the page is no wider than the window. */
  private static void assertFitsTheWidth(WebDriver browser, String what) {
    List<?> widths =
        (List<?>)
            ((JavascriptExecutor) browser)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
    long scroll = ((Number) widths.get(0)).longValue();
    long inner = ((Number) widths.get(1)).longValue();
    if (scroll > inner) {
      // Name what sticks out, so a failure says where to look.
      Object wide =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return [...document.querySelectorAll('body *')]"
                      + ".filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)"
                      + ".map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined"
                      + " ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right))"
                      + ".slice(0, 25);");
      throw new AssertionError(
          what
              + " scrolls sideways: "
              + scroll
              + " px of content in "
              + inner
              + " px; wider: "
              + wide);
    }
  }

  /** The page names the favicon, and it is served. */
  private static void assertIcon(WebDriver browser, String where) {
    assertFalse(
        browser.findElements(By.cssSelector("link[rel='icon'][href='/favicon.ico']")).isEmpty(),
        where + " names the favicon");
    Object served =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "Promise.all(['/favicon.ico', '/brands/default/logo.svg'].map((u) => fetch(u)"
                    + ".then((r) => r.status + ' ' + r.headers.get('content-type')))).then(done, (e) => done(String(e)));");
    assertEquals(List.of("200 image/x-icon", "200 image/svg+xml"), served, where);
    assertNotEquals(null, served);
  }
}
