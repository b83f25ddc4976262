package com.dermrelay.testing.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.outbox.OutboxMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient's steps through the portal, shared by the browser tests: signing up or in, the intake
 * wizard's pages in order, and the photo cards. Each step waits for its page's heading, answers as
 * a patient would (labels clicked, files chosen) and submits.
 */
public record PatientIntake(PatientPortalPage page, WebDriver browser) {
  public static final String OWN_WORDS = "A brown mole on my arm that itches sometimes";
  private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

  /** Signs in at {@code /c/{slug}/} and waits for "Hello, {firstName}". */
  public static PatientIntake signIn(
      LocalStack stack,
      WebDriver browser,
      String slug,
      String email,
      String password,
      String firstName) {
    PatientPortalPage page = new PatientPortalPage(stack, browser).open(slug, "");
    page.type("email", email);
    page.type("password", password);
    page.submit();
    page.awaitHeading("Hello, " + firstName);
    return new PatientIntake(page, browser);
  }

  /** The demo patient of Northside, Alex. */
  public static PatientIntake signInAsAlex(LocalStack stack, WebDriver browser) {
    return signIn(
        stack, browser, "northside", "patient@northside.example", "Demo-Patient-1", "Alex");
  }

  /** A new account at {@code /c/{slug}/create-account}, confirmed with the emailed code. */
  public static PatientIntake signUp(
      LocalStack stack,
      WebDriver browser,
      String slug,
      String name,
      String email,
      String password) {
    PatientPortalPage page = new PatientPortalPage(stack, browser).open(slug, "create-account");
    page.awaitHeading("Create your account");
    page.type("name", name);
    page.type("email", email);
    page.type("password", password);
    page.screenshot("patient-create-account-" + slug);
    page.submit();
    page.awaitHeading("Confirm your email");
    page.type("code", codeFromLatestEmail(stack, email));
    page.submit();
    page.awaitHeading("Hello, " + name.split(" ")[0]);
    return new PatientIntake(page, browser);
  }

  /** The 6-digit code of the newest mail to {@code email} in the local outbox. */
  public static String codeFromLatestEmail(LocalStack stack, String email) {
    List<OutboxMessage> messages = stack.outbox().messagesTo(email);
    assertFalse(messages.isEmpty(), "a confirmation email was sent");
    Matcher code = SIX_DIGITS.matcher(messages.get(messages.size() - 1).text());
    assertTrue(code.find(), "the email carries a 6-digit code");
    return code.group(1);
  }

  /** Opens a consultation from "Your consultations" on the home page, once the list has loaded. */
  public void openCase(String caseId) {
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#my-cases li[data-case='" + caseId + "'] a")))
        .click();
    page.awaitHeading("Your consultation");
  }

  // ---- the wizard, page by page ----

  public void answerEmergencyScreen(boolean emergency) {
    page.awaitHeading("First, some urgent questions");
    choose("feverWithWidespreadRash", "no");
    choose("blisteringOrPeelingSkin", "no");
    choose("rapidlySpreadingPainfulRedness", emergency ? "yes" : "no");
    choose("faceOrLipSwellingOrBreathingTrouble", "no");
    page.screenshot(emergency ? "patient-emergency-screen-yes" : "patient-emergency-screen");
    page.submit();
  }

  /** The emergency screen of a new consultation, every answer "no", without a screenshot. */
  public void startWithNothingUrgent() {
    page.click("#start-case");
    answerPage("First, some urgent questions", Map.of());
  }

  /** The body map: the left forearm, front view. */
  public void chooseLeftForearm() {
    page.awaitHeading("Where is it?");
    page.click(".body-map__region[data-region='forearm'][data-side='left'][data-view='front']");
    assertTrue(
        page.text("#chosen-sites").toLowerCase().contains("forearm"), page.text("#chosen-sites"));
    page.screenshot("patient-intake-body-map");
    page.submit();
  }

  /**
   * A spot with nothing worrying but an itch: about the problem, the spot, symptoms, health,
   * medicines.
   */
  public void answerQuestions() {
    page.awaitHeading("About the problem");
    choose("problem", "spot");
    choose("onset", "gradual");
    page.type("durationAmount", "3");
    choose("durationUnit", "months");
    typeArea("ownWords", OWN_WORDS);
    page.screenshot("patient-intake-about");
    page.submit();

    page.awaitHeading("About the spot");
    page.accessible("patient intake, spot");
    page.type("diameterMm", "6");
    answerPage("About the spot", Map.of("lesionCount", "one", "spotOrigin", "long-standing"));

    page.accessible("patient intake, symptoms");
    answerPage("How it feels", Map.of("itch", "yes"));

    page.accessible("patient intake, health");
    // The optional skin-type question shows what the six types look like, with words for it.
    String scale =
        String.valueOf(
            page.script(
                "return document.querySelector(\"[data-question='fitzpatrickType']"
                    + " svg[role='img']\")?.getAttribute('aria-label');"));
    if (!scale.startsWith("Skin types I to VI")) {
      throw new AssertionError("the skin-type scale is missing or undescribed: " + scale);
    }
    page.script("document.querySelector(\"[data-question='fitzpatrickType']\").scrollIntoView();");
    page.screenshot("patient-intake-skin-type");
    answerPage("Your health", Map.of("pregnancy", "not-applicable", "fitzpatrickType", "3"));

    page.awaitHeading("Medicines and treatments");
    page.accessible("patient intake, medicines");
    choose("has-medicines", "no");
    choose("has-allergies", "no");
    choose("has-treatmentsTried", "yes");
    typeArea("treatmentsTried", "A moisturiser for two weeks");
    page.submit();
  }

  /**
   * Answers every question on the page headed {@code heading} as a patient taps them: the answer
   * {@code choices} names, else "no"; then Save and continue. Each choice must be a question here.
   */
  public void answerPage(String heading, Map<String, String> choices) {
    page.awaitHeading(heading);
    // One look at the page for the answer each question takes; then a tap per answer.
    @SuppressWarnings("unchecked")
    List<Object> found =
        (List<Object>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const choices = arguments[0]; const out = [];"
                        + "for (const q of document.querySelectorAll('main form fieldset.question[data-question]')) {"
                        + "  const name = q.dataset.question; const value = choices[name] ?? 'no';"
                        + "  const input = q.querySelector(`input[value='${value}']`);"
                        + "  if (input) out.push(name, document.querySelector(`label[for='${input.id}']`));"
                        + "}"
                        + "return out;",
                    choices);
    Set<String> used = new HashSet<>();
    for (int i = 0; i < found.size(); i += 2) {
      used.add((String) found.get(i));
      ((WebElement) found.get(i + 1)).click();
    }
    assertTrue(
        used.containsAll(choices.keySet()),
        "not asked on '" + heading + "': " + choices.keySet() + " vs " + used);
    page.submit();
  }

  /**
   * The profile page comes after the questions for a patient without a profile (new accounts); it
   * is skipped once saved. Returns whether it was shown.
   */
  public boolean answerProfileIfAsked() {
    if (!"About you".equals(page.awaitOneOfHeadings("About you", "Your consent"))) {
      return false;
    }
    page.screenshot("patient-intake-profile");
    setDateOfBirth("1990-04-12");
    choose("sex", "female");
    page.submit();
    return true;
  }

  /**
   * A date input takes keys in the browser's locale format; set its ISO value as a picker would.
   */
  public void setDateOfBirth(String iso) {
    WebElement dob = browser.findElement(By.cssSelector("main input[name='dateOfBirth']"));
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            dob,
            iso);
  }

  /** The clinic's consent, accepted. */
  public void acceptConsent(String clinicName) {
    page.awaitHeading("Your consent");
    assertTrue(page.text("#consent-text").contains(clinicName), page.text("#consent-text"));
    page.screenshot("patient-intake-consent");
    page.click("#consent-accept");
    page.submit();
  }

  /** Sends the consultation from the photos page; returns the case id from the case page's path. */
  public String send() {
    page.click("#submit-case");
    page.awaitHeading("Your consultation");
    assertTrue(page.topMessage().startsWith("Sent."), page.topMessage());
    String path = page.path();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  // ---- controls ----

  public void choose(String name, String value) {
    WebElement radio =
        browser.findElement(
            By.cssSelector("main input[name='" + name + "'][value='" + value + "']"));
    WebElement label =
        browser.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"));
    // A phone screen scrolls: bring the answer into view as a thumb would before tapping it.
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", label);
    label.click();
  }

  public void typeArea(String name, String text) {
    WebElement area = browser.findElement(By.cssSelector("main textarea[name='" + name + "']"));
    area.clear();
    area.sendKeys(text);
  }

  /** Chooses the file for a view (as the file picker would); the upload starts at once. */
  public void upload(String view, Path file) {
    browser.findElement(By.id("file-" + view)).sendKeys(file.toAbsolutePath().toString());
  }

  /** The check's verdict shown on a view's card, once the check has answered. */
  public String verdict(String view) {
    return new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#photo-" + view + " .verdict")))
        .getAttribute("data-verdict");
  }
}
