package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.dermrelay.testing.portal.WorkbenchPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dermatologist workbench in a real browser against the local stack, beyond the path {@link
 * WholeJourneyIT} walks: the worklist's order and clinic filter, shortcuts, zoom, a refused answer;
 * a claim lost to a colleague; a phone photo stored sideways shown upright; a dermoscopic photo
 * beside the close-up (English and Spanish); the invitation page; and the accounts it turns away.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class WorkbenchIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static final String CHEN = WorkbenchPage.CHEN;
  private static final String CHEN_PASSWORD = WorkbenchPage.CHEN_PASSWORD;
  private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("temporary password is (\\S+)");
  private static final Pattern INVITATION_LINK =
      Pattern.compile("(/workbench/accept\\?token=\\S+)");

  @Test
  void theWorklistPutsUrgentFirstFiltersByClinicAndTheCaseWorksFromTheKeyboard(
      LocalStack stack, WebDriver browser) {
    // The merged worklist, claiming, comparing and answering are walked in WholeJourneyIT; here
    // what it does not: the order by priority, the clinic filter, the shortcuts, zoom, a refusal.
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    String northside = journey.submit(NORTHSIDE, IntakeJourney.routineIntake()).caseId();
    IntakeJourney.SubmittedCase harbour = journey.submit(HARBOUR, IntakeJourney.urgentIntake());

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser).open("/workbench/").signIn(CHEN, CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    List<String> rows = workbench.worklistWith(northside, harbour.caseId());
    assertTrue(rows.indexOf(harbour.caseId()) < rows.indexOf(northside), "URGENT before ROUTINE");
    assertTrue(
        workbench.row(northside).getText().matches("(?s).*\\d+ (d|h) .*left.*"),
        workbench.row(northside).getText());
    assertTrue(
        workbench.row(harbour.caseId()).getText().contains("7-point"), "triage reasons are shown");
    workbench.screenshot("workbench-worklist");

    // Filter by clinic: Harbour only.
    new Select(workbench.visible("#worklist-view select[name='clinic']")).selectByValue(HARBOUR);
    workbench.wait.until(d -> !workbench.worklistCases().contains(northside));
    assertTrue(
        workbench.all("#worklist tbody tr").stream()
            .allMatch(r -> HARBOUR.equals(r.getAttribute("data-tenant"))),
        "Harbour's cases only");
    new Select(workbench.visible("#worklist-view select[name='clinic']")).selectByValue("");
    workbench.wait.until(d -> workbench.worklistWith(northside).contains(northside));

    // The shortcut list, then claim with the row's button.
    workbench.shortcut("?");
    workbench.visible("#shortcuts-dialog[open]");
    workbench.screenshot("workbench-shortcuts");
    workbench.press(Keys.ESCAPE);
    workbench.row(northside).findElement(By.cssSelector("button[data-action='claim']")).click();
    workbench.visible("#history");
    assertEquals("mine", workbench.attribute("#claim-bar", "data-claim"));
    assertTrue(workbench.text("#triage").contains("Routine"), workbench.text("#triage"));

    // Zoom with the buttons and the keys, pan with the arrows.
    workbench.wait.until(d -> workbench.attribute("#viewer-current", "data-photo") != null);
    workbench.click("#viewer-current button[aria-label^='Zoom in']");
    assertEquals("125%", workbench.text("#viewer-current-zoom"));
    workbench.shortcut("+");
    assertEquals("156%", workbench.text("#viewer-current-zoom"));
    workbench.visible("#viewer-current-stage").sendKeys(Keys.ARROW_LEFT);
    workbench.shortcut("0");
    assertEquals("100%", workbench.text("#viewer-current-zoom"));

    // Sent without the explanation: the API's pointer marks that field; then sent.
    workbench.chooseDiagnosis("eczema");
    workbench.type("treatmentPlan", "Moisturise twice a day.");
    workbench.ctrlEnterIn("treatmentPlan");
    assertEquals("This is required.", workbench.fieldError("patientExplanation"));
    workbench.screenshot("workbench-answer-field-error");
    workbench.type("patientExplanation", "This is eczema. It is common and can be controlled.");

    // The management category follows the referral until the dermatologist picks one.
    Select management = new Select(workbench.visible("main [name='management']"));
    assertEquals("REASSURE", management.getFirstSelectedOption().getAttribute("value"));
    workbench.click("main [name='referralAdvised']");
    assertEquals("REFER_URGENT", management.getFirstSelectedOption().getAttribute("value"));
    new Select(workbench.visible("main [name='referralUrgency']")).selectByValue("ROUTINE");
    assertEquals("REFER_ROUTINE", management.getFirstSelectedOption().getAttribute("value"));
    management.selectByValue("BIOPSY");
    workbench.click("main [name='referralAdvised']");
    assertEquals(
        "BIOPSY",
        management.getFirstSelectedOption().getAttribute("value"),
        "a picked category stays");
    new Select(workbench.visible("main [name='fitzpatrickType']")).selectByValue("5");
    workbench.ctrlEnterIn("patientExplanation");
    // Sent: the next case opens, or the worklist when there is none.
    workbench.wait.until(d -> workbench.all("#case-view[data-case='" + northside + "']").isEmpty());
    assertTrue(workbench.text("main").contains("Answer sent"), workbench.text("main"));
    JsonNode reviewed =
        ApiCalls.json(
            api.get(
                "/clinics/" + NORTHSIDE + "/reviews/" + northside,
                api.idToken(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD)));
    assertEquals("BIOPSY", reviewed.at("/answers/0/management").asText(), reviewed.toString());
    assertEquals(5, reviewed.at("/answers/0/fitzpatrickType").asInt(), "the skin type recorded");
    workbench.screenshot("workbench-after-answer");
  }

  @Test
  void aPhonePhotoStoredSidewaysIsShownUpright(LocalStack stack, WebDriver browser)
      throws Exception {
    // As a phone held upright stores it: 1600 x 1200 pixels with a red block top-left and EXIF
    // orientation 6. The patient saw it 1200 wide and 1600 tall, the red block top-right. The
    // service keeps those pixels and that one tag; the browser must turn it.
    BufferedImage stored = Photos.textured(1600, 1200, 0);
    Graphics2D g = stored.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 400, 400);
    g.dispose();
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient(NORTHSIDE);
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    String photoId =
        journey
            .uploadPhoto(
                patient, caseId, "close_up", Photos.withOrientation(Photos.jpeg(stored), 6))
            .get("photoId")
            .asText();
    journey.uploadPhoto(patient, caseId, "context");
    assertEquals(200, journey.submitCall(patient, caseId).statusCode());

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser).open("/workbench/").signIn(CHEN, CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.worklistWith(caseId);
    workbench.openCase(caseId);
    workbench.click("#case-view button.thumb-button[data-photo='" + photoId + "']");
    workbench.wait.until(d -> photoId.equals(workbench.attribute("#viewer-current", "data-photo")));
    WebElement image = workbench.visible("#viewer-current img.viewer__image");
    workbench.wait.until(
        d ->
            Boolean.TRUE.equals(
                workbench.script(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", image)));

    assertEquals(
        List.of(1200L, 1600L),
        workbench.script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image),
        "the picture is portrait, as the patient took it");
    // On screen: the picture is fitted into the landscape stage, so it stands in the middle;
    // its red block is drawn in the upper right, not the upper left.
    BufferedImage shown =
        ImageIO.read(new ByteArrayInputStream(image.getScreenshotAs(OutputType.BYTES)));
    long redX = 0;
    long redY = 0;
    long reds = 0;
    for (int y = 0; y < shown.getHeight(); y++) {
      for (int x = 0; x < shown.getWidth(); x++) {
        int rgb = shown.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) < 60 && (rgb & 0xFF) < 60) {
          redX += x;
          redY += y;
          reds++;
        }
      }
    }
    assertTrue(reds > 100, "the red block is on screen");
    assertTrue(redX / reds > shown.getWidth() / 2, "red block on the right: x " + redX / reds);
    assertTrue(redY / reds < shown.getHeight() / 3, "and at the top: y " + redY / reds);
  }

  @Test
  void theDermoscopicPhotoStandsBesideTheCloseUpWithItsFactsInEnglishAndSpanish(
      LocalStack stack, WebDriver browser) {
    // Shown apart, beside the same round's clinical close-up, both loaded, with how it was taken.
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient(NORTHSIDE);
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    String closeUp = journey.uploadPhoto(patient, caseId, "close_up").get("photoId").asText();
    journey.uploadPhoto(patient, caseId, "context");
    ObjectNode facts =
        ApiCalls.JSON.createObjectNode().put("polarised", true).put("contact", false);
    String dermoscopic =
        journey
            .uploadPhoto(patient, caseId, "dermoscopic", Photos.dermoscopic(1600, 1200, 5), facts)
            .get("photoId")
            .asText();
    assertEquals(200, journey.submitCall(patient, caseId).statusCode());

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.worklistWith(caseId);
    workbench.openCase(caseId);

    workbench.script("arguments[0].scrollIntoView()", workbench.visible("#dermoscopy-pair"));
    assertEquals(
        "Dermoscopic photo beside the clinical close-up", workbench.text("#dermoscopy-pair-title"));
    assertEquals(closeUp, workbench.attribute("#viewer-pair-clinical", "data-photo"));
    assertEquals(dermoscopic, workbench.attribute("#viewer-pair-dermoscopic", "data-photo"));
    WebElement clinicalImage = workbench.visible("#viewer-pair-clinical img.viewer__image");
    WebElement lensImage = workbench.visible("#viewer-pair-dermoscopic img.viewer__image");
    for (WebElement image : List.of(clinicalImage, lensImage)) {
      workbench.wait.until(
          d ->
              Boolean.TRUE.equals(
                  workbench.script(
                      "return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
    }
    // Side by side: one row, the close-up on the left.
    WebElement clinicalStage = workbench.visible("#viewer-pair-clinical-stage");
    WebElement lensStage = workbench.visible("#viewer-pair-dermoscopic-stage");
    assertEquals(clinicalStage.getRect().getY(), lensStage.getRect().getY(), "on one row");
    assertTrue(clinicalStage.getRect().getX() < lensStage.getRect().getX(), "close-up first");
    assertEquals("Polarised", workbench.text("#dermoscopy-facts dd[data-fact='polarised']"));
    assertEquals("Non-contact", workbench.text("#dermoscopy-facts dd[data-fact='contact']"));
    assertEquals("Not given", workbench.text("#dermoscopy-facts dd[data-fact='device']"));
    workbench.screenshot("workbench-dermoscopy-pair");

    workbench.click("button[data-language='es']");
    workbench
        .wait
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                "Foto dermatoscópica junto a la foto clínica de cerca"
                    .equals(workbench.text("#dermoscopy-pair-title")));
    assertEquals("Polarizada", workbench.text("#dermoscopy-facts dd[data-fact='polarised']"));
    assertEquals("Sin contacto", workbench.text("#dermoscopy-facts dd[data-fact='contact']"));
    assertEquals("No indicado", workbench.text("#dermoscopy-facts dd[data-fact='device']"));
    workbench.screenshot("workbench-dermoscopy-pair-spanish");
    // The language is kept on this device: back to English for the next test class.
    workbench.click("button[data-language='en']");
    workbench.wait.until(
        d -> "en".equals(workbench.script("return document.documentElement.lang;")));
  }

  @Test
  void aClaimLostToAColleagueIsSaidAndTheDraftIsKept(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.SubmittedCase submitted = journey.submit(NORTHSIDE, IntakeJourney.soonIntake());
    String colleague = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Okafor");

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser).open("/workbench/").signIn(CHEN, CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.worklistWith(submitted.caseId());
    workbench
        .row(submitted.caseId())
        .findElement(By.cssSelector("button[data-action='open']"))
        .click();
    workbench.visible("#history");
    assertEquals(
        "none", workbench.attribute("#claim-bar", "data-claim"), "opening is not claiming");
    workbench.type("treatmentPlan", "Review in clinic.");
    workbench.wait.until(d -> workbench.text("#draft-status").startsWith("Draft saved"));

    // Dr. Okafor claims it meanwhile; Dr. Chen's claim then loses.
    assertEquals(
        200,
        api.call(
                "POST",
                "/clinics/" + NORTHSIDE + "/reviews/" + submitted.caseId() + "/claim",
                colleague,
                null)
            .statusCode());
    workbench.click("#claim-case");
    workbench.wait.until(d -> "other".equals(workbench.attribute("#claim-bar", "data-claim")));
    assertTrue(
        workbench.text("#case-view .error-summary").contains("Dr. Okafor claimed this case"),
        workbench.text("#case-view .error-summary"));
    assertTrue(workbench.text("#claim-bar").contains("Dr. Okafor is reviewing this case"));
    assertEquals(
        "Review in clinic.",
        workbench.attribute("main [name='treatmentPlan']", "value"),
        "the draft stays");
    workbench.screenshot("workbench-claim-lost");
  }

  /**
   * The form is usable before the saved draft arrives (it is fetched after the case shows). What a
   * dermatologist types in that moment stays on screen and is saved; a draft saved earlier is not
   * silently overwritten either way: they choose. The page's own fetch holds the draft's answer
   * until the test releases it, the one way to type "before" deterministically.
   */
  @Test
  void whatIsTypedBeforeTheSavedDraftArrivesIsKept(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney.SubmittedCase submitted =
        new IntakeJourney(stack, api).submit(NORTHSIDE, IntakeJourney.soonIntake());
    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser).open("/workbench/").signIn(CHEN, CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.worklistWith(submitted.caseId());

    // No draft yet: the early typing is simply saved.
    holdDraftLoads(workbench);
    workbench
        .row(submitted.caseId())
        .findElement(By.cssSelector("button[data-action='open']"))
        .click();
    workbench.type("treatmentPlan", "Review in clinic.");
    workbench.script("window.releaseDraftLoads();");
    workbench.wait.until(d -> workbench.text("#draft-status").startsWith("Draft saved"));
    assertEquals("Review in clinic.", workbench.attribute("main [name='treatmentPlan']", "value"));
    assertEquals("Review in clinic.", storedDraft(api, submitted).path("treatmentPlan").asText());

    // A draft is stored now: typing before it arrives keeps the typing and offers the choice.
    workbench.script("window.location.hash = '';"); // back to the worklist, same page
    workbench.worklistWith(submitted.caseId());
    holdDraftLoads(workbench);
    workbench
        .row(submitted.caseId())
        .findElement(By.cssSelector("button[data-action='open']"))
        .click();
    workbench.type("patientExplanation", "Typed early.");
    workbench.script("window.releaseDraftLoads();");
    workbench.visible("#keep-mine");
    assertTrue(
        workbench.text("#case-view .error-summary").contains("you typed before it loaded"),
        workbench.text("#case-view .error-summary"));
    assertEquals("Typed early.", workbench.attribute("main [name='patientExplanation']", "value"));
    assertEquals(
        "Review in clinic.",
        storedDraft(api, submitted).path("treatmentPlan").asText(),
        "nothing saved over the stored draft before the choice");
    workbench.click("#keep-mine");
    workbench.wait.until(d -> workbench.text("#draft-status").startsWith("Draft saved"));
    JsonNode kept = storedDraft(api, submitted);
    assertEquals("Typed early.", kept.path("patientExplanation").asText());
    assertTrue(kept.path("treatmentPlan").isMissingNode(), "what is on screen is what is kept");
  }

  /** The page's fetch of answer drafts (GET) waits until {@code releaseDraftLoads()}. */
  private static void holdDraftLoads(WorkbenchPage workbench) {
    workbench.script(
        """
        if (!window.releaseDraftLoads) {
          const held = [];
          const original = window.fetch;
          window.fetch = (url, options) => {
            if (String(url).endsWith('/answer-draft') && (options?.method ?? 'GET') === 'GET') {
              return new Promise((resolve, reject) =>
                held.push(() => original(url, options).then(resolve, reject)));
            }
            return original(url, options);
          };
          window.releaseDraftLoads = () => held.splice(0).forEach((go) => go());
        }
        """);
  }

  private static JsonNode storedDraft(ApiCalls api, IntakeJourney.SubmittedCase submitted) {
    String token = api.idToken(CHEN, CHEN_PASSWORD);
    HttpResponse<String> draft =
        api.get("/clinics/" + NORTHSIDE + "/cases/" + submitted.caseId() + "/answer-draft", token);
    assertEquals(200, draft.statusCode(), draft.body());
    return ApiCalls.json(draft).path("answer");
  }

  @Test
  void anInvitedDermatologistSetsAPasswordAcceptsAndSeesTheWorklist(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String email = "dr.workbench." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String admin = api.idToken("admin@harbour.example", "Demo-Admin-1");
    ObjectNode invite =
        ApiCalls.JSON.createObjectNode().put("email", email).put("name", "Dr. Workbench");
    assertEquals(
        201,
        api.call("POST", "/clinics/" + HARBOUR + "/invitations", admin, invite.toString())
            .statusCode());

    WorkbenchPage page =
        new WorkbenchPage(stack, browser).open(mailed(stack, email, INVITATION_LINK));
    page.awaitHeading("Sign in to accept your invitation");
    assertFalse(browser.getCurrentUrl().contains("token="), "the token leaves the address bar");
    page.screenshot("workbench-accept-sign-in");
    page.signIn(email, mailed(stack, email, TEMPORARY_PASSWORD));
    page.awaitHeading("Choose your password");
    page.type("newPassword", "Workbench-Derm-Pass-1");
    page.click("#new-password-form button[type='submit']");
    page.awaitHeading("You’ve joined Harbour Dermatology");
    page.screenshot("workbench-accept-done");
    page.click("#open-worklist");
    page.awaitHeading("Worklist");
    page.worklistCases();
    page.screenshot("workbench-worklist-new-member");
  }

  @Test
  void aPatientIsToldTheWorkbenchIsForDermatologists(LocalStack stack, WebDriver browser) {
    WorkbenchPage page =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn("patient@northside.example", "Demo-Patient-1");
    page.awaitHeading("The workbench is for dermatologists");
    page.screenshot("workbench-not-dermatologist");
    page.click("#not-dermatologist-sign-out");
    page.awaitHeading("Sign in to the workbench");
  }

  private static String mailed(LocalStack stack, String email, Pattern pattern) {
    OutboxMessage mail =
        stack.outbox().messagesTo(email).stream()
            .filter(m -> m.text() != null && pattern.matcher(m.text()).find())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no mail matching " + pattern + " to " + email));
    Matcher matcher = pattern.matcher(mail.text());
    assertTrue(matcher.find());
    return matcher.group(1);
  }

  @Test
  void aDermatologistKeepsTheirLicencesInEnglishAndSpanish(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String email = "licences-" + UUID.randomUUID() + "@dermrelay.example";
    ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Inés Vidal", email);
    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser).open("/workbench/").signIn(email, ClinicStaff.PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.click("#licences-link");
    workbench.awaitHeading("My licences");
    workbench.visible("#licences-empty");

    // Each wrong field is marked where it is, from the API's pointers.
    workbench.type("jurisdiction", "XX");
    workbench.click("#licence-form button[type='submit']");
    assertEquals(
        "Enter a country code such as ES, or a state such as US-CA.",
        workbench.fieldError("jurisdiction"));
    assertEquals("Enter the number, at most 40 characters.", workbench.fieldError("number"));
    assertEquals("Enter the last day the licence is valid.", workbench.fieldError("expiresOn"));

    addLicence(workbench, "es", "CMM 28/123456", "2099-12-31");
    workbench.wait.until(d -> workbench.all("#licences tbody tr").size() == 1);
    addLicence(workbench, "US-CA", "A123456", "2001-01-31");
    workbench.wait.until(d -> workbench.all("#licences tbody tr").size() == 2);
    assertTrue(
        workbench.text("#licences tr[data-jurisdiction='ES']").contains("Valid"),
        workbench.text("#licences tr[data-jurisdiction='ES']"));
    assertTrue(
        workbench
            .text("#licences tr[data-jurisdiction='US-CA'] .licence-expired")
            .equals("Expired"),
        "an expired licence is shown as expired");
    workbench.screenshot("workbench-licences");

    // In Spanish, then one removed; the language goes back to English for the next test.
    workbench.click("button[data-language='es']");
    workbench.awaitHeading("Mis licencias");
    assertEquals(
        "Caducada", workbench.text("#licences tr[data-jurisdiction='US-CA'] .licence-expired"));
    workbench.click("#licences tr[data-jurisdiction='US-CA'] button");
    workbench.wait.until(d -> workbench.all("#licences tbody tr").size() == 1);
    assertEquals(
        "Se ha quitado la licencia de US-CA.", workbench.text("#licences-view [role='status']"));
    workbench.click("button[data-language='en']");
    workbench.wait.until(
        d -> "en".equals(workbench.script("return document.documentElement.lang;")));
    assertEquals(
        List.of("ES"),
        ApiCalls.json(api.get("/me/licences", api.idToken(email, ClinicStaff.PASSWORD)))
            .findValuesAsText("jurisdiction"),
        "removed through the page, kept through the API");
  }

  private static void addLicence(
      WorkbenchPage workbench, String jurisdiction, String number, String expiresOn) {
    workbench.type("jurisdiction", jurisdiction);
    workbench.type("number", number);
    // A date field's typing follows the browser's locale; its value is always YYYY-MM-DD.
    workbench.script(
        "arguments[0].value = arguments[1];",
        workbench.visible("main [name='expiresOn']"),
        expiresOn);
    workbench.click("#licence-form button[type='submit']");
    workbench.wait.until(
        d -> workbench.text("#licences-view [role='status']").contains(jurisdiction.toUpperCase()));
  }
}
