package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.PatientIntake;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The intake's special paths in a real, phone-sized (390 x 844) browser against the local stack:
 * the emergency stop; the Spanish switch; a draft resumed after the session expired; offline; a
 * photo whose connection drops mid-upload and whose page reloads, and a file the check refused. The
 * ordinary intake, photos and all, is part of {@link WholeJourneyIT}.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class PatientIntakeIT {
  @Test
  void anEmergencyAnswerStopsTheConsultationWithWhatToDoNow(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String token = api.idToken("patient@northside.example", "Demo-Patient-1");
    int before =
        ApiCalls.json(api.get("/clinics/northside-skin/cases?limit=100", token))
            .get("cases")
            .size();
    PatientIntake portal = PatientIntake.signInAsAlex(stack, browser);
    portal.page().click("#start-case");
    portal.answerEmergencyScreen(true);

    portal.page().awaitHeading("Please get medical help now");
    assertTrue(portal.page().text("#seek-care-now").contains("emergency"));
    assertTrue(portal.page().text("#emergency-contact").contains("help@northside-skin.example"));
    assertTrue(
        browser.findElements(By.cssSelector("main form")).isEmpty(), "nothing more to fill in");
    portal.page().screenshot("patient-emergency-stop");
    int after =
        ApiCalls.json(api.get("/clinics/northside-skin/cases?limit=100", token))
            .get("cases")
            .size();
    assertEquals(before, after, "no case was opened");
  }

  @Test
  void aCaseAClinicTookDespiteEmergencySignsTellsThePatientWhatToDoIfWorse(
      LocalStack stack, WebDriver browser) {
    // Setup over HTTP: a clinic that queues such cases as urgent, and one sent with a swollen face.
    ApiCalls api = new ApiCalls(stack);
    String slug = "queues-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfNewClinic(stack, slug);
    com.fasterxml.jackson.databind.node.ObjectNode settings =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            ApiCalls.json(api.get("/clinics/" + slug + "/settings", admin));
    ((com.fasterxml.jackson.databind.node.ObjectNode) settings.get("config"))
        .putObject("triage")
        .put("redFlagsAtSubmit", "queue-urgent");
    assertEquals(
        200,
        api.call("PUT", "/clinics/" + slug + "/settings", admin, settings.toString()).statusCode());
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.SubmittedCase sent =
        journey.submit(slug, IntakeJourney.rashIntake().put("faceOrLipSwelling", true));

    PatientIntake portal =
        PatientIntake.signIn(
            stack, browser, slug, sent.patient().email(), IntakeJourney.PASSWORD, "Journey");
    portal.openCase(sent.caseId());
    String advice = portal.page().text("#emergency-signs");
    assertTrue(advice.startsWith("Your answers describe signs that can be serious."), advice);
    assertTrue(advice.contains("go to the nearest emergency department"), advice);
    portal.page().screenshot("patient-case-emergency-signs");
  }

  @Test
  void theSpanishSwitchTranslatesThePortalAndTheChoiceIsKept(LocalStack stack, WebDriver browser) {
    PatientIntake portal = PatientIntake.signInAsAlex(stack, browser);
    portal.page().click("button[data-language='es']");
    portal.page().awaitHeading("Hola, Alex");
    assertEquals("es", portal.page().script("return document.documentElement.lang;"));
    assertEquals("Empezar una consulta nueva", portal.page().text("#start-case"));
    portal.page().screenshot("patient-home-spanish");
    portal.page().click("#start-case");
    portal.page().awaitHeading("Primero, unas preguntas urgentes");
    browser.navigate().refresh();
    portal.page().awaitHeading("Primero, unas preguntas urgentes");
    portal.page().screenshot("patient-emergency-spanish");

    // The account pages and the service's refusals speak Spanish too.
    portal.page().click("#sign-out");
    portal.page().awaitHeading("Iniciar sesión");
    portal.page().type("email", "patient@northside.example");
    portal.page().type("password", "Not-The-Password-1");
    portal.page().submit();
    String refusal = portal.page().text("main .error-summary");
    assertTrue(refusal.startsWith("Ese correo y esa contraseña no coinciden"), refusal);
    assertEquals(
        "Revise su contraseña e inténtelo de nuevo.", portal.page().fieldError("password"));
    portal.page().screenshot("patient-sign-in-spanish");
    portal.page().click("#create-account-link");
    portal.page().awaitHeading("Cree su cuenta");
    assertTrue(portal.page().text("#password-rules").contains("Al menos 12 caracteres"));
    portal.page().screenshot("patient-create-account-spanish");
    portal.page().click("main a[data-route='']");
    portal.page().awaitHeading("Iniciar sesión");
    portal.page().click("main a[data-route='confirm']");
    portal.page().awaitHeading("Confirme su correo");
    portal.page().screenshot("patient-confirm-spanish");
    portal.page().click("button[data-language='en']");
    portal.page().awaitHeading("Confirm your email");
  }

  @Test
  void aDraftIsKeptWhenTheSessionExpiresAndResumesAfterSigningIn(
      LocalStack stack, WebDriver browser) {
    PatientIntake portal = PatientIntake.signInAsAlex(stack, browser);
    portal.page().click("#start-case");
    portal.answerEmergencyScreen(false);
    portal.page().awaitHeading("Where is it?");
    portal
        .page()
        .click(".body-map__region[data-region='knee'][data-side='right'][data-view='front']");
    portal.page().submit();
    portal.page().awaitHeading("About the problem");
    String caseId = portal.page().path().split("/")[4];

    String key = "dermrelay.session.northside-skin";
    portal
        .page()
        .script(
            "const s = JSON.parse(sessionStorage.getItem('"
                + key
                + "'));"
                + "s.expiresAt = Date.now() + 60000; s.refreshToken = 'revoked';"
                + "sessionStorage.setItem('"
                + key
                + "', JSON.stringify(s));");
    portal.choose("onset", "gradual");
    portal.page().type("durationAmount", "2");
    portal.choose("problem", "spot");
    portal.typeArea("ownWords", PatientIntake.OWN_WORDS);
    portal.page().submit();
    portal.page().awaitHeading("Sign in");
    assertEquals(
        "For your security you were signed out. Please sign in again.", portal.page().topMessage());
    portal.page().screenshot("patient-session-expired");

    portal.page().type("email", "patient@northside.example");
    portal.page().type("password", "Demo-Patient-1");
    portal.page().submit();
    portal.page().awaitHeading("Hello, Alex");
    portal.openCase(caseId);
    assertEquals("Not sent yet", portal.page().text("#case-status-value"));
    portal.page().click("#continue-draft");
    portal.page().awaitHeading("About the problem");
    portal.page().click("a[data-route='cases/" + caseId + "/body-site']");
    portal.page().awaitHeading("Where is it?");
    assertTrue(
        portal.page().text("#chosen-sites").toLowerCase().contains("knee"),
        "the saved body site is back");
  }

  @Test
  void offlineTheAnswersStayOnThePageAndAreSavedOnceBackOnline(
      LocalStack stack, WebDriver browser) {
    PatientIntake portal = PatientIntake.signInAsAlex(stack, browser);
    portal.page().click("#start-case");
    portal.answerEmergencyScreen(false);
    portal.page().awaitHeading("Where is it?");
    portal.page().click(".body-map__region[data-region='chest'][data-view='front']");
    ChromiumDriver chromium = (ChromiumDriver) browser;
    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    chromium.setNetworkConditions(offline);
    try {
      portal.page().submit();
      String message = portal.page().topMessage();
      assertTrue(message.startsWith("We couldn’t save this page"), message);
      assertEquals("Where is it?", portal.page().heading());
      portal.page().screenshot("patient-offline");
    } finally {
      chromium.deleteNetworkConditions();
    }
    portal.page().submit();
    portal.page().awaitHeading("About the problem");
  }

  @Test
  void aPhotoWhoseConnectionDropsMidUploadAndWhosePageReloadsStillEndsCheckedAndARefusedFileSaysWhy(
      LocalStack stack, WebDriver browser) throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient("northside-skin");
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    PatientIntake portal =
        PatientIntake.signIn(
            stack, browser, "northside", patient.email(), IntakeJourney.PASSWORD, "Journey");
    portal.openCase(caseId);
    portal.page().click("#continue-draft");
    portal.page().awaitHeading("Your photos");

    // The photo reaches storage, then the connection drops before the service has checked it.
    ChromiumDriver chromium = (ChromiumDriver) browser;
    chromium.executeCdpCommand("Network.enable", Map.of());
    try {
      chromium.executeCdpCommand(
          "Network.setBlockedURLs", Map.of("urls", List.of("*/photos/*/confirm")));
      portal.upload("close_up", Photos.sharpFile("sharp-dropped.jpg", 0));
      assertEquals("waiting", portal.verdict("close_up"));
      String waiting = portal.page().text("#photo-close_up .verdict");
      assertTrue(waiting.startsWith("The connection dropped. We’ll try again in"), waiting);
      assertTrue(
          waiting.contains("Your photo is kept on this phone until it has arrived"), waiting);
      portal.page().screenshot("patient-upload-waiting");

      // The page reloads (a phone that slept, a tab the system closed): the card carries on with
      // the photo it kept, without the patient choosing it again.
      browser.navigate().refresh();
      portal.page().awaitHeading("Your photos");
      assertEquals("waiting", portal.verdict("close_up"));

      // Offline now: the card says so, and sends the photo as soon as the phone is back online.
      offline(chromium, true);
      chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
      new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  d.findElement(By.cssSelector("#photo-close_up .verdict"))
                      .getText()
                      .startsWith(
                          "You’re offline. We’ll send your photo as soon as you’re connected again."));
      portal.page().screenshot("patient-upload-waiting-offline");
    } finally {
      chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
      offline(chromium, false);
    }
    new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                "accepted"
                    .equals(
                        d.findElement(By.cssSelector("#photo-close_up .verdict"))
                            .getAttribute("data-verdict")));
    assertEquals(
        1L,
        portal
            .page()
            .script(
                "return document.querySelectorAll('#photo-close_up img.photo-preview').length;"),
        "the checked photo is shown once");
    assertEquals(
        0L,
        ((Number)
                ((JavascriptExecutor) browser)
                    .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                            + "const open = indexedDB.open('dermrelay-pending-photos');"
                            + "open.onsuccess = () => { const r = open.result.transaction('photos').objectStore('photos').count();"
                            + " r.onsuccess = () => done(r.result); };"))
            .longValue(),
        "the photo no longer waits on the phone once checked");

    // The inputs ask for JPEG or PNG, so an iPhone converts its HEIC photos; a HEIC this browser
    // cannot open still gets the specific advice, and nothing is sent.
    assertEquals(
        "image/jpeg,image/png", browser.findElement(By.id("file-context")).getAttribute("accept"));
    byte[] heic = new byte[48 * 1024];
    new java.util.Random(18).nextBytes(heic);
    portal.upload("context", Photos.file("IMG_0042.HEIC", heic));
    assertEquals("rejected", portal.verdict("context"));
    String heicAdvice = portal.page().text("#photo-context .verdict");
    assertTrue(heicAdvice.contains("High Efficiency (HEIC) format"), heicAdvice);
    assertTrue(heicAdvice.contains("Most Compatible"), heicAdvice);

    // A file that is not a photo at all, though named like one: refused, with why and what to do.
    byte[] notAPhoto = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(notAPhoto);
    portal.upload("context", Photos.file("not-a-photo.jpg", notAPhoto));
    String refused =
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
            .ignoring(StaleElementReferenceException.class)
            .until(
                d -> {
                  WebElement verdict = d.findElement(By.cssSelector("#photo-context .verdict"));
                  return "rejected".equals(verdict.getAttribute("data-verdict"))
                          && !verdict.getText().contains("HEIC")
                      ? verdict.getText()
                      : null;
                });
    assertTrue(refused.startsWith("We couldn’t use this photo"), refused);
    assertTrue(refused.contains("Take a new photo, or choose another one"), refused);
    assertTrue(
        browser.findElements(By.cssSelector("#photo-context img")).isEmpty(),
        "no broken preview of the refused file");
    portal.page().screenshot("patient-photo-rejected");
    portal.page().click("#submit-case");
    assertTrue(
        browser
            .findElement(By.id("photo-context"))
            .getAttribute("class")
            .contains("photo-card--missing"),
        "sending is stopped at the refused view");
    portal.upload("context", Photos.sharpFile("sharp-after-refusal.jpg", 1));
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
        .until(
            d ->
                "accepted"
                    .equals(
                        d.findElement(By.cssSelector("#photo-context .verdict"))
                            .getAttribute("data-verdict")));
  }

  @Test
  void aClinicThatOffersItLetsThePatientSendADermoscopicPhotoWithHowItWasTaken(
      LocalStack stack, WebDriver browser) {
    String clinic = "dermoscopy-portal-" + UUID.randomUUID().toString().substring(0, 6);
    String admin = TestClinics.adminOfSeededClinic(stack, clinic);
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient(clinic);
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    PatientIntake portal =
        PatientIntake.signIn(
            stack, browser, clinic, patient.email(), IntakeJourney.PASSWORD, "Journey");
    portal.openCase(caseId);
    portal.page().click("#continue-draft");
    portal.page().awaitHeading("Your photos");
    assertTrue(
        browser.findElements(By.id("photo-dermoscopic")).isEmpty(),
        "not offered where the clinic did not turn it on");

    TestClinics.setPatientDermoscopy(api, clinic, admin, true);
    browser.navigate().refresh();
    portal.page().awaitHeading("Your photos");
    portal.page().click("details.optional-photos summary");
    new Select(browser.findElement(By.name("dermoscopy-polarised"))).selectByValue("true");
    new Select(browser.findElement(By.name("dermoscopy-contact"))).selectByValue("false");
    browser.findElement(By.name("dermoscopy-device")).sendKeys("DermLite HÜD 2");
    portal.page().screenshot("patient-dermoscopic-card");
    portal.upload("dermoscopic", Photos.file("dermoscopic.jpg", Photos.dermoscopic(1600, 1200, 7)));
    assertEquals("accepted", portal.verdict("dermoscopic"), "the round vignette is no fault");

    JsonNode sent =
        StreamSupport.stream(
                ApiCalls.json(api.get("/clinics/" + clinic + "/cases/" + caseId, patient.token()))
                    .get("photos")
                    .spliterator(),
                false)
            .filter(photo -> "dermoscopic".equals(photo.get("view").asText()))
            .findFirst()
            .orElseThrow();
    assertEquals(
        ApiCalls.JSON
            .createObjectNode()
            .put("polarised", true)
            .put("contact", false)
            .put("device", "DermLite HÜD 2"),
        sent.get("dermoscopy"));
  }

  private static void offline(ChromiumDriver chromium, boolean offline) {
    chromium.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }
}
