package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.intake.IntakePhotos;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.DocScreenshots;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient's whole intake in a real, phone-sized (390 x 844) browser against the local stack:
 * the emergency screen, the body map, the questions, consent, real photo files uploaded through
 * the presigned URLs (a blurred one gets the advice and is retaken), submission and the case page;
 * the emergency stop; the Spanish switch; a draft resumed after the session expired; offline.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class PatientIntakeIT {
  private static final Path PHOTOS = Path.of("target", "test-photos");
  private static final String OWN_WORDS = "A brown mole on my arm that itches sometimes";

  @Test
  void aPatientCompletesTheIntakeRetakesABlurredPhotoAndSeesTheSubmittedCase(LocalStack stack, WebDriver browser) {
    Intake portal = signedIn(stack, browser);
    portal.page.click("#start-case");
    answerEmergencyScreen(portal, false);

    portal.page.awaitHeading("Where is it?");
    portal.page.click(".body-map__region[data-region='forearm'][data-side='left'][data-view='front']");
    assertTrue(portal.page.text("#chosen-sites").toLowerCase().contains("forearm"));
    portal.page.screenshot("patient-intake-body-map");
    portal.page.submit();

    answerQuestions(portal);
    answerProfileIfAsked(portal);
    portal.page.awaitHeading("Your consent");
    assertTrue(portal.page.text("#consent-text").contains("Northside Skin Clinic"));
    portal.page.screenshot("patient-intake-consent");
    portal.page.click("#consent-accept");
    portal.page.submit();

    portal.page.awaitHeading("Your photos");
    portal.page.screenshot("patient-photos-instructions");
    portal.upload("close_up", photo("sharp-0.jpg", sharp(1600, 1200, 0)));
    assertEquals("accepted", portal.verdict("close_up"));
    portal.upload("context", photo("blurred.jpg", blurred(1600, 1200)));
    // Blurred: a retake is advised (or, a little less blurred, the photo is usable with advice).
    assertTrue(List.of("retake", "warning").contains(portal.verdict("context")), portal.verdict("context"));
    String advice = portal.page.text("#photo-context .verdict");
    assertTrue(advice.contains("blurry") || advice.contains("soft"), advice);
    assertTrue(portal.page.text("#photo-context").contains("Keep this photo anyway"));
    Path verdictShot = portal.page.screenshot("patient-photo-verdict-retake");
    keepInDocs(verdictShot, "patient-photo-verdict.png");

    portal.upload("context", photo("sharp-1.jpg", sharp(1600, 1200, 1)));
    assertEquals("accepted", portal.verdict("context"));
    portal.page.screenshot("patient-photos-ready");

    portal.page.click("#submit-case");
    portal.page.awaitHeading("Your consultation");
    assertTrue(portal.page.topMessage().startsWith("Sent."), portal.page.topMessage());
    String timeline = portal.page.text("#case-timeline");
    assertTrue(timeline.contains("You started the consultation"), timeline);
    assertTrue(timeline.contains("You sent it to the clinic"), timeline);
    assertTrue(portal.page.text("#case-photos").contains("Close-up: looks good"));
    assertTrue(portal.page.path().matches("/c/northside/cases/[A-Za-z0-9_-]+"), portal.page.path());
    portal.page.screenshot("patient-case-page");

    // Nothing the patient wrote stays in the browser's storage.
    String stored = (String) portal.page.script("return JSON.stringify({...sessionStorage, ...localStorage});");
    assertFalse(stored.contains("mole"), "no health data in web storage");

    String caseId = portal.page.path().substring(portal.page.path().lastIndexOf('/') + 1);
    portal.page.click("a[data-route='home']");
    portal.page.awaitHeading("Hello, Alex");
    String listed = portal.page.text("#my-cases li[data-case='" + caseId + "']");
    assertTrue(listed.contains("Sent to the clinic") || listed.contains("Waiting for a dermatologist"), listed);
    portal.page.screenshot("patient-home-with-cases");
  }

  @Test
  void anEmergencyAnswerStopsTheConsultationWithWhatToDoNow(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String token = api.idToken("patient@northside.example", "Demo-Patient-1");
    int before = ApiCalls.json(api.get("/clinics/northside-skin/cases?limit=100", token)).get("cases").size();
    Intake portal = signedIn(stack, browser);
    portal.page.click("#start-case");
    answerEmergencyScreen(portal, true);

    portal.page.awaitHeading("Please get medical help now");
    assertTrue(portal.page.text("#seek-care-now").contains("emergency"));
    assertTrue(portal.page.text("#emergency-contact").contains("help@northside-skin.example"));
    assertTrue(browser.findElements(By.cssSelector("main form")).isEmpty(), "nothing more to fill in");
    portal.page.screenshot("patient-emergency-stop");
    int after = ApiCalls.json(api.get("/clinics/northside-skin/cases?limit=100", token)).get("cases").size();
    assertEquals(before, after, "no case was opened");
  }

  @Test
  void theSpanishSwitchTranslatesThePortalAndTheChoiceIsKept(LocalStack stack, WebDriver browser) {
    Intake portal = signedIn(stack, browser);
    portal.page.click("button[data-language='es']");
    portal.page.awaitHeading("Hola, Alex");
    assertEquals("es", portal.page.script("return document.documentElement.lang;"));
    assertEquals("Empezar una consulta nueva", portal.page.text("#start-case"));
    portal.page.screenshot("patient-home-spanish");
    portal.page.click("#start-case");
    portal.page.awaitHeading("Primero, unas preguntas urgentes");
    browser.navigate().refresh();
    portal.page.awaitHeading("Primero, unas preguntas urgentes");
    portal.page.screenshot("patient-emergency-spanish");

    // The account pages and the service's refusals speak Spanish too.
    portal.page.click("#sign-out");
    portal.page.awaitHeading("Iniciar sesión");
    portal.page.type("email", "patient@northside.example");
    portal.page.type("password", "Not-The-Password-1");
    portal.page.submit();
    String refusal = portal.page.text("main .error-summary");
    assertTrue(refusal.startsWith("Ese correo y esa contraseña no coinciden"), refusal);
    assertEquals("Revise su contraseña e inténtelo de nuevo.", portal.page.fieldError("password"));
    portal.page.screenshot("patient-sign-in-spanish");
    portal.page.click("#create-account-link");
    portal.page.awaitHeading("Cree su cuenta");
    assertTrue(portal.page.text("#password-rules").contains("Al menos 12 caracteres"));
    portal.page.screenshot("patient-create-account-spanish");
    portal.page.click("main a[data-route='']");
    portal.page.awaitHeading("Iniciar sesión");
    portal.page.click("main a[data-route='confirm']");
    portal.page.awaitHeading("Confirme su correo");
    portal.page.screenshot("patient-confirm-spanish");
    portal.page.click("button[data-language='en']");
    portal.page.awaitHeading("Confirm your email");
  }

  @Test
  void aDraftIsKeptWhenTheSessionExpiresAndResumesAfterSigningIn(LocalStack stack, WebDriver browser) {
    Intake portal = signedIn(stack, browser);
    portal.page.click("#start-case");
    answerEmergencyScreen(portal, false);
    portal.page.awaitHeading("Where is it?");
    portal.page.click(".body-map__region[data-region='knee'][data-side='right'][data-view='front']");
    portal.page.submit();
    portal.page.awaitHeading("About the problem");
    String caseId = portal.page.path().split("/")[4];

    String key = "dermrelay.session.northside-skin";
    portal.page.script("const s = JSON.parse(sessionStorage.getItem('" + key + "'));"
        + "s.expiresAt = Date.now() + 60000; s.refreshToken = 'revoked';"
        + "sessionStorage.setItem('" + key + "', JSON.stringify(s));");
    portal.choose("onset", "gradual");
    portal.page.type("durationAmount", "2");
    portal.choose("lesionCount", "one");
    portal.typeArea("ownWords", OWN_WORDS);
    portal.page.submit();
    portal.page.awaitHeading("Sign in");
    assertEquals("For your security you were signed out. Please sign in again.", portal.page.topMessage());
    portal.page.screenshot("patient-session-expired");

    portal.page.type("email", "patient@northside.example");
    portal.page.type("password", "Demo-Patient-1");
    portal.page.submit();
    portal.page.awaitHeading("Hello, Alex");
    portal.page.click("li[data-case='" + caseId + "'] a");
    portal.page.awaitHeading("Your consultation");
    assertEquals("Not sent yet", portal.page.text("#case-status-value"));
    portal.page.click("#continue-draft");
    portal.page.awaitHeading("About the problem");
    portal.page.click("a[data-route='cases/" + caseId + "/body-site']");
    portal.page.awaitHeading("Where is it?");
    assertTrue(portal.page.text("#chosen-sites").toLowerCase().contains("knee"), "the saved body site is back");
  }

  @Test
  void offlineTheAnswersStayOnThePageAndAreSavedOnceBackOnline(LocalStack stack, WebDriver browser) {
    Intake portal = signedIn(stack, browser);
    portal.page.click("#start-case");
    answerEmergencyScreen(portal, false);
    portal.page.awaitHeading("Where is it?");
    portal.page.click(".body-map__region[data-region='chest'][data-view='front']");
    ChromiumDriver chromium = (ChromiumDriver) browser;
    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    chromium.setNetworkConditions(offline);
    try {
      portal.page.submit();
      String message = portal.page.topMessage();
      assertTrue(message.startsWith("We couldn’t save this page"), message);
      assertEquals("Where is it?", portal.page.heading());
      portal.page.screenshot("patient-offline");
    } finally {
      chromium.deleteNetworkConditions();
    }
    portal.page.submit();
    portal.page.awaitHeading("About the problem");
  }

  // ---- steps ----

  static Intake signedIn(LocalStack stack, WebDriver browser) {
    PatientPortalPage page = new PatientPortalPage(stack, browser).open("northside", "");
    page.type("email", "patient@northside.example");
    page.type("password", "Demo-Patient-1");
    page.submit();
    page.awaitHeading("Hello, Alex");
    return new Intake(page, browser);
  }

  static void answerEmergencyScreen(Intake portal, boolean emergency) {
    portal.page.awaitHeading("First, some urgent questions");
    portal.choose("feverWithWidespreadRash", "no");
    portal.choose("blisteringOrPeelingSkin", "no");
    portal.choose("rapidlySpreadingPainfulRedness", emergency ? "yes" : "no");
    portal.choose("faceOrLipSwellingOrBreathingTrouble", "no");
    portal.page.screenshot(emergency ? "patient-emergency-screen-yes" : "patient-emergency-screen");
    portal.page.submit();
  }

  static void answerQuestions(Intake portal) {
    portal.page.awaitHeading("About the problem");
    portal.choose("onset", "gradual");
    portal.page.type("durationAmount", "3");
    portal.choose("durationUnit", "months");
    portal.choose("lesionCount", "one");
    portal.page.type("diameterMm", "6");
    portal.typeArea("ownWords", OWN_WORDS);
    portal.page.screenshot("patient-intake-about");
    portal.page.submit();

    portal.page.awaitHeading("How it feels and changes");
    portal.page.accessible("patient intake, symptoms");
    portal.choose("itch", "yes");
    for (String name : List.of("pain", "bleeding", "oozingOrCrusting", "sensationChange",
        "change-size", "change-shape", "change-colour")) {
      portal.choose(name, "no");
    }
    portal.page.submit();

    portal.page.awaitHeading("Your health");
    portal.page.accessible("patient intake, health");
    for (String name : List.of("personalSkinCancerHistory", "familySkinCancerHistory", "immunosuppressed")) {
      portal.choose(name, "no");
    }
    portal.choose("pregnancy", "not-applicable");
    portal.choose("fitzpatrickType", "3");
    portal.page.submit();

    portal.page.awaitHeading("Medicines and treatments");
    portal.page.accessible("patient intake, medicines");
    portal.choose("has-medicines", "no");
    portal.choose("has-allergies", "no");
    portal.choose("has-treatmentsTried", "yes");
    portal.typeArea("treatmentsTried", "A moisturiser for two weeks");
    portal.page.submit();
  }

  /**
   * The profile page comes after the questions for a patient without a profile (new accounts);
   * it is skipped once saved.
   */
  static void answerProfileIfAsked(Intake portal) {
    if ("About you".equals(portal.page.awaitOneOfHeadings("About you", "Your consent"))) {
      portal.page.screenshot("patient-intake-profile");
      // A date input takes keys in the browser's locale format; set its ISO value as a picker would.
      WebElement dob = portal.browser.findElement(By.cssSelector("main input[name='dateOfBirth']"));
      ((org.openqa.selenium.JavascriptExecutor) portal.browser).executeScript(
          "arguments[0].value = '1990-04-12';"
              + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
              + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", dob);
      portal.choose("sex", "female");
      portal.page.submit();
    }
  }

  /** The wizard's controls on top of the account pages' helper. */
  record Intake(PatientPortalPage page, WebDriver browser) {
    void choose(String name, String value) {
      WebElement radio = browser.findElement(By.cssSelector("main input[name='" + name + "'][value='" + value + "']"));
      browser.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
    }

    void typeArea(String name, String text) {
      WebElement area = browser.findElement(By.cssSelector("main textarea[name='" + name + "']"));
      area.clear();
      area.sendKeys(text);
    }

    /** Chooses the file for a view (as the file picker would) and waits for the upload to start. */
    void upload(String view, Path file) {
      browser.findElement(By.id("file-" + view)).sendKeys(file.toAbsolutePath().toString());
    }

    /** The check's verdict shown on a view's card, once the check has answered. */
    String verdict(String view) {
      return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions
          .presenceOfElementLocated(By.cssSelector("#photo-" + view + " .verdict"))).getAttribute("data-verdict");
    }
  }

  /** Offers a screenshot for docs/screenshots (committed, shown in the README). */
  static void keepInDocs(Path screenshot, String name) {
    DocScreenshots.offer(screenshot, name);
  }

  // ---- photos made here ----

  /** A sharp textured photo: a fine checkerboard over a gradient whose direction is {@code variant}. */
  static byte[] sharp(int width, int height, int variant) {
    return jpeg(IntakePhotos.textured(width, height, variant));
  }

  /**
   * A photo out of focus: a checkerboard drawn at 1/16 size, enlarged smoothly, then every edge
   * spread over 15 pixels (as imaging's own tests make a blurry photo).
   */
  static byte[] blurred(int width, int height) {
    BufferedImage small = new BufferedImage(width / 16, height / 16, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < small.getHeight(); y++) {
      for (int x = 0; x < small.getWidth(); x++) {
        int v = (x + y) % 2 == 0 ? 90 : 190;
        small.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(small, 0, 0, width, height, null);
    g.dispose();
    float[] box = new float[15 * 15];
    Arrays.fill(box, 1f / box.length);
    return jpeg(new ConvolveOp(new Kernel(15, 15, box), ConvolveOp.EDGE_NO_OP, null).filter(image, null));
  }

  /** At quality 0.95, as a phone saves it: coarser blocks would read as detail to the check. */
  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.95f);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
      stream.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  static Path photo(String name, byte[] bytes) {
    try {
      Files.createDirectories(PHOTOS);
      Path file = PHOTOS.resolve(UUID.randomUUID() + "-" + name);
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
