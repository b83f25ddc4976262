package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.ClinicConsolePage;
import com.dermrelay.testing.portal.PatientIntake;
import com.dermrelay.testing.portal.WorkbenchPage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Research export in the portals (issue 17), one browser: a dermatologist marks an overview photo
 * face-free in the workbench; a patient on a phone gives the clinic's optional research consent on
 * "Your data" (the card also read in Spanish); the clinic admin starts an export in the console,
 * follows it to Ready, reads its report and downloads the ZIP (the section also read in Spanish);
 * then the patient withdraws, and the page says so.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class ResearchExportPortalIT {
  private static final String CLINIC = "rx-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aPatientConsentsAndWithdrawsAndTheAdminExportsAndDownloads(
      LocalStack stack, WebDriver browser) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    TestClinics.adminOfSeededClinic(
        stack, CLINIC, c -> c.putArray("languages").add("en").add("es"));
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.SubmittedCase c = journey.submit(CLINIC, IntakeJourney.routineIntake());

    // The dermatologist marks the overview photo face-free in the workbench, then answers.
    String dermEmail = "vera-" + UUID.randomUUID() + "@dermrelay.example";
    String dermatologist =
        ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr. Vera Lind", dermEmail);
    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn(dermEmail, ClinicStaff.PASSWORD);
    workbench.worklistWith(c.caseId());
    workbench.openCase(c.caseId());
    workbench.click("#photos button[data-photo='" + contextPhoto(api, c) + "']");
    workbench.click("#face-free");
    awaitText(browser, "#face-free-status", "Marked as showing no face.");
    new ReviewCalls(api, dermatologist)
        .claimAndAnswer(
            CLINIC, c.caseId(), ReviewCalls.eczemaAnswer("Eczema.", "Moisturise daily."));

    // The patient, on a phone: optional, separate from care, agreed to in one tap.
    PatientIntake portal =
        PatientIntake.signIn(
            stack, browser, CLINIC, c.patient().email(), IntakeJourney.PASSWORD, "Journey");
    portal.page().click("a[data-route='privacy']");
    portal.page().awaitHeading("Your data");
    assertEquals(
        "Research use of your photos (optional)", portal.page().text("#research-consent h2"));
    assertEquals(
        "You have not agreed to research use.", portal.page().text("#research-consent-status"));
    assertTrue(
        portal.page().text("#research-consent-text").contains("never changes the care I get"),
        "the clinic's own words, with its name: " + portal.page().text("#research-consent-text"));
    portal.page().click("#research-consent-give");
    awaitText(browser, "#research-consent-status", "You agreed to research use on");
    portal.page().screenshot("patient-research-consent");
    portal.page().click("button[data-language='es']");
    portal.page().awaitHeading("Sus datos");
    assertEquals(
        "Uso de sus fotos en investigación (opcional)", portal.page().text("#research-consent h2"));
    assertTrue(
        portal
            .page()
            .text("#research-consent-status")
            .startsWith("Aceptó el uso en investigación"));
    assertEquals(
        "Retirar mi consentimiento para investigación",
        portal.page().text("#research-consent-withdraw"));
    portal.page().click("button[data-language='en']");
    portal.page().awaitHeading("Your data");

    // The admin: a date range and k, progress to Ready, the report, a short-lived link.
    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser)
            .open()
            .signIn(TestClinics.adminEmail(CLINIC), TestClinics.ADMIN_PASSWORD);
    console.section("research", "Research exports", "#research-form");
    // Date inputs take keystrokes in the browser's locale order: set the values as a picker does.
    console.script(
        "document.querySelector('[name=from]').value = '2020-01-01';"
            + "document.querySelector('[name=to]').value = '2099-12-31';");
    console.type("k", "2");
    console.submit("#research-form");
    assertTrue(
        console.text("#research-key-notice").contains("Shown only now"),
        console.text("#research-key-notice"));
    console.visible(".research-export[data-status='READY']");
    assertTrue(
        console.text(".research-export .research-status").startsWith("Ready"),
        console.text(".research-export .research-status"));
    console.click(".research-export .research-report-open");
    String report = console.text(".research-report-body");
    assertTrue(report.contains("Left out for k-anonymity"), report);
    assertTrue(
        report.contains("combination shared by fewer than k patients: 2"),
        "one consenting patient is fewer than k=2: the close-up and the overview marked face-free"
            + " are suppressed\n"
            + report);
    assertTrue(!report.contains("may show a face"), "the marked overview photo was a candidate");
    console.click(".research-export .research-download");
    String zipUrl = console.visible(".research-zip").getAttribute("href");
    assertEquals(
        Set.of("README.txt", "metadata.csv", "report.json", "manifest-sha256.txt"),
        entries(zipUrl),
        "an export that released no image still explains itself");
    console.screenshot("console-research-export");
    console.click("button[data-language='es']");
    console.awaitHeading("Exportaciones para investigación");
    assertTrue(
        console.text(".research-export .research-status").startsWith("Lista"),
        console.text(".research-export .research-status"));
    assertEquals("Iniciar exportación", console.text("#research-start"));
    console.click("button[data-language='en']");

    // The patient withdraws: at once, and the page says what it means.
    portal =
        PatientIntake.signIn(
            stack, browser, CLINIC, c.patient().email(), IntakeJourney.PASSWORD, "Journey");
    portal.page().click("a[data-route='privacy']");
    portal.page().awaitHeading("Your data");
    portal.page().click("#research-consent-withdraw");
    awaitText(browser, "#research-consent-status", "You withdrew your research consent on");
    assertTrue(browser.findElements(By.id("research-consent-withdraw")).isEmpty());
    assertEquals(
        "WITHDRAWN",
        ApiCalls.json(api.get("/clinics/" + CLINIC + "/me/research-consent", c.patient().token()))
            .get("status")
            .asText());
  }

  private static String contextPhoto(ApiCalls api, IntakeJourney.SubmittedCase c) {
    for (var photo : ApiCalls.json(api.get(c.path(), c.patient().token())).get("photos")) {
      if ("context".equals(photo.get("view").asText())) {
        return photo.get("photoId").asText();
      }
    }
    throw new AssertionError("no context photo");
  }

  /** Waits until the element (drawn again after a change) reads {@code start}. */
  private static void awaitText(WebDriver browser, String css, String start) {
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), start));
  }

  private static Set<String> entries(String url) throws Exception {
    HttpResponse<byte[]> zip =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, zip.statusCode());
    Set<String> names = new HashSet<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
