package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.portal.PatientIntake;
import com.dermrelay.testing.portal.PatientPortalPage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The white-labelled patient portal's account pages in a real, phone-sized browser against the
 * local stack: each clinic's look, sign-up with the emailed code, sign-in and sign-out, and the
 * errors a patient can meet on the way.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class PatientSignInIT {

  @Test
  void eachDemoClinicShowsItsOwnNameColoursLogoAndFooter(LocalStack stack, WebDriver browser) {
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open("northside", "");
    assertEquals("Sign in", portal.heading());
    assertEquals("Northside Skin Clinic", portal.text("#clinic-name"));
    assertEquals("Sign in · Northside Skin Clinic", portal.title());
    String northsideColour = portal.cssValue(".site-header", "background-color");
    assertEquals("rgba(15, 118, 110, 1)", northsideColour);
    assertTrue(portal.logoLoaded(), "the Northside logo shows");
    // Other tests in this JVM may edit the clinic's settings: compare with what the API serves now.
    assertEquals(
        legalFooter(stack, "northside"), portal.text("#legal-footer"), "Northside's own footer");
    assertTrue(portal.text("#support-contact").contains("help@northside-skin.example"));
    assertFalse(portal.path().contains("config="), "the test hook leaves the address bar");
    portal.screenshot("patient-sign-in-northside");

    portal.open("harbour", "");
    assertEquals("Harbour Dermatology", portal.text("#clinic-name"));
    String harbourColour = portal.cssValue(".site-header", "background-color");
    assertEquals("rgba(30, 58, 138, 1)", harbourColour);
    assertNotEquals(northsideColour, harbourColour);
    assertTrue(portal.logoLoaded(), "the Harbour logo shows");
    assertEquals(
        legalFooter(stack, "harbour"), portal.text("#legal-footer"), "Harbour's own footer");
    assertTrue(portal.text("#legal-footer").contains("999"));
    // White text on the dark blue, as the contrast rule picks it.
    assertEquals(
        "rgba(255, 255, 255, 1)", portal.cssValue("main form button[type='submit']", "color"));
    portal.screenshot("patient-sign-in-harbour");
  }

  private static String legalFooter(LocalStack stack, String slug) {
    try {
      String body =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              stack.gatewayUrl() + "/public/clinics/" + slug + "/branding"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(body)
          .at("/branding/legalFooter")
          .asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aNewPatientSignsUpConfirmsWithTheEmailedCodeAndIsWelcomedByName(
      LocalStack stack, WebDriver browser) {
    String email = "jamie." + UUID.randomUUID() + "@example.com";
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open("harbour", "");
    portal.click("#create-account-link");
    portal.awaitHeading("Create your account");
    portal.type("name", "Jamie Fox");
    portal.type("email", email);
    portal.type("password", "Sunny-Day-42");
    portal.submit();

    portal.awaitHeading("Confirm your email");
    assertEquals("We’ve sent you an email with a 6-digit code.", portal.topMessage());
    portal.screenshot("patient-confirm-harbour");
    portal.type("code", PatientIntake.codeFromLatestEmail(stack, email));
    portal.submit();

    portal.awaitHeading("Hello, Jamie");
    String signedInAs = portal.text("#signed-in-as");
    assertTrue(signedInAs.contains("Harbour Dermatology"), signedInAs);
    assertTrue(signedInAs.contains(email), signedInAs);
    assertTrue(portal.text("#home").contains("What happens next"));
    assertTrue(portal.title().endsWith("· Harbour Dermatology"), portal.title());
    portal.screenshot("patient-home-harbour");
  }

  @Test
  void aWrongCodeIsExplainedAndANewOneCanBeSent(LocalStack stack, WebDriver browser) {
    String email = "robin." + UUID.randomUUID() + "@example.com";
    PatientPortalPage portal =
        new PatientPortalPage(stack, browser).open("northside", "create-account");
    portal.type("name", "Robin Hale");
    portal.type("email", email);
    portal.type("password", "Quiet-Lake-7");
    portal.submit();
    portal.awaitHeading("Confirm your email");
    String first = PatientIntake.codeFromLatestEmail(stack, email);

    portal.type("code", first.equals("000000") ? "111111" : "000000");
    portal.submit();
    assertTrue(
        portal.fieldError("code").startsWith("That code isn’t right."), portal.fieldError("code"));
    portal.accessible("patient confirm with a wrong code");

    portal.click("#resend-code");
    portal.text(".status-message");
    assertEquals(2, stack.outbox().messagesTo(email).size(), "a second email with a new code");
    portal.type("code", PatientIntake.codeFromLatestEmail(stack, email));
    portal.submit();
    portal.awaitHeading("Hello, Robin");
  }

  @Test
  void theDemoPatientSignsInWithTheKeyboardAloneAndSignsOut(LocalStack stack, WebDriver browser) {
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open("northside", "");
    portal.keys(Keys.TAB, Keys.TAB); // past the skip link, into the first field
    portal.keys("patient@northside.example", Keys.TAB, "Demo-Patient-1", Keys.ENTER);

    portal.awaitHeading("Hello, Alex");
    assertTrue(portal.text("#signed-in-as").contains("Northside Skin Clinic"));
    assertTrue(portal.path().endsWith("/c/northside/home"), portal.path());
    assertTrue(portal.storedKeys().contains("dermrelay.session.northside-skin"), "signed in");
    portal.screenshot("patient-home-northside");

    portal.click("#sign-out");
    portal.awaitHeading("Sign in");
    assertEquals("You have signed out. Thank you for using our service.", portal.topMessage());
    portal.accessible("patient sign-in after signing out");
    assertTrue(noSessionStored(portal), "tokens are gone: " + portal.storedKeys());

    // The home page is no longer reachable by its address.
    browser.get(stack.gatewayUrl() + "/c/northside/home");
    portal.awaitHeading("Sign in");
  }

  @Test
  void aSessionCloseToExpiryIsRefreshedAndOneThatCannotBeEndsCalmly(
      LocalStack stack, WebDriver browser) {
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open("northside", "");
    portal.type("email", "patient@northside.example");
    portal.type("password", "Demo-Patient-1");
    portal.submit();
    portal.awaitHeading("Hello, Alex");
    String key = "dermrelay.session.northside-skin";

    // A minute left: the portal refreshes before using the token.
    String before =
        (String)
            portal.script(
                "const s = JSON.parse(sessionStorage.getItem('"
                    + key
                    + "'));"
                    + "s.expiresAt = Date.now() + 60000; sessionStorage.setItem('"
                    + key
                    + "', JSON.stringify(s));"
                    + "return s.idToken;");
    browser.navigate().refresh();
    portal.awaitHeading("Hello, Alex");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            driver ->
                !before.equals(
                    portal.script(
                        "return JSON.parse(sessionStorage.getItem('" + key + "')).idToken;")));
    long minutesLeft =
        (Long)
            portal.script(
                "return Math.round((JSON.parse(sessionStorage.getItem('"
                    + key
                    + "')).expiresAt - Date.now()) / 60000);");
    assertTrue(minutesLeft > 50, "a fresh hour: " + minutesLeft);

    // A refresh token the service no longer accepts: back to sign-in, told why, nothing kept.
    portal.script(
        "const s = JSON.parse(sessionStorage.getItem('"
            + key
            + "'));"
            + "s.expiresAt = Date.now() + 60000; s.refreshToken = 'revoked';"
            + "sessionStorage.setItem('"
            + key
            + "', JSON.stringify(s));");
    browser.navigate().refresh();
    portal.awaitHeading("Sign in");
    assertEquals(
        "For your security you were signed out. Please sign in again.", portal.topMessage());
    assertTrue(noSessionStored(portal), "tokens are gone: " + portal.storedKeys());
  }

  @Test
  void aWrongPasswordIsExplainedPlainlyAndNoTokenIsStored(LocalStack stack, WebDriver browser) {
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open("northside", "");
    portal.type("email", "patient@northside.example");
    portal.type("password", "Not-The-Password-1");
    portal.submit();

    assertEquals(
        "That email and password don’t match an account. Check them and try again.",
        portal.topMessage());
    assertEquals("Check your password, then try again.", portal.fieldError("password"));
    assertEquals("Sign in", portal.heading());
    portal.accessible("patient sign-in with a wrong password");
    assertTrue(noSessionStored(portal), "no token stored: " + portal.storedKeys());
    assertFalse(browser.getPageSource().contains("Exception"), "no raw error on the page");
  }

  /**
   * Cognito locks an account out after repeated wrong passwords (the local identity does the same);
   * the patient is told so plainly, even when the password they now type is the right one. The
   * failures before are made straight at the identity service, each once the previous lockout
   * ended, so the last one locks for 16 seconds: long enough for one click.
   */
  @Test
  void aLockedOutAccountIsToldToWaitEvenWithTheRightPassword(LocalStack stack, WebDriver browser) {
    String email = "locked-" + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Right-Password-1",
            java.util.Map.of(
                "email", email, "name", "Lee Locked", "custom:tenantId", "northside-skin"),
            java.util.Set.of("patient"));
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open("northside", "");
    portal.type("email", email);
    portal.type("password", "Right-Password-1");

    for (int i = 0; i < 5; i++) {
      assertEquals("Incorrect username or password.", wrongPassword(stack, email));
    }
    for (int lockouts = 0; lockouts < 4; lockouts++) {
      // A failure counts only once the lockout it caused is over.
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .pollingEvery(Duration.ofMillis(200))
          .until(driver -> wrongPassword(stack, email).equals("Incorrect username or password."));
    }
    portal.submit();

    assertEquals(
        "Too many wrong passwords for this account. To protect it, signing in is paused for a few "
            + "minutes. Please wait, then try again with the right password.",
        portal.topMessage());
    assertEquals("Sign in", portal.heading());
    assertTrue(noSessionStored(portal), "no token stored: " + portal.storedKeys());
    portal.accessible("patient sign-in while locked out");
  }

  private static String wrongPassword(LocalStack stack, String email) {
    try {
      stack.identity().signIn(email, "Wrong-Password-1");
      throw new AssertionError("a wrong password signed in");
    } catch (com.dermrelay.local.identity.IdentityException refused) {
      assertEquals("NotAuthorizedException", refused.type());
      return refused.getMessage();
    }
  }

  @Test
  void aPatientOfAnotherClinicIsSentToTheirOwnClinicsLink(LocalStack stack, WebDriver browser) {
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open("harbour", "");
    portal.type("email", "patient@northside.example");
    portal.type("password", "Demo-Patient-1");
    portal.submit();

    assertTrue(
        portal.topMessage().startsWith("This account is registered with another clinic."),
        portal.topMessage());
    assertTrue(noSessionStored(portal), "signed out again: " + portal.storedKeys());
    portal.accessible("patient sign-in, account of another clinic");
  }

  @Test
  void aWeakPasswordIsExplainedBeforeAnythingIsSent(LocalStack stack, WebDriver browser) {
    String email = "casey." + UUID.randomUUID() + "@example.com";
    PatientPortalPage portal =
        new PatientPortalPage(stack, browser).open("northside", "create-account");
    // The rules are on the page before the patient types a thing.
    assertTrue(portal.text("#password-rules").contains("At least 12 characters"));
    portal.type("name", "Casey Moss");
    portal.type("email", email);
    portal.type("password", "sunny");
    assertEquals(
        "true", portal.script("return document.querySelector('[data-rule=lower]').dataset.met;"));
    assertEquals(
        "false", portal.script("return document.querySelector('[data-rule=upper]').dataset.met;"));

    portal.submit();
    String error = portal.fieldError("password");
    portal.screenshot("patient-create-account-weak-password");
    assertTrue(
        error.startsWith("Your password still needs: at least 12 characters; an uppercase letter"),
        error);
    assertEquals("Create your account", portal.heading());
    assertTrue(stack.identity().lastConfirmationCode(email).isEmpty(), "nothing was sent");
  }

  @Test
  void anUnknownClinicGetsACalmPage(LocalStack stack, WebDriver browser) {
    PatientPortalPage portal = new PatientPortalPage(stack, browser).open("no-such-clinic", "");
    assertEquals("We can’t find this clinic", portal.heading());
    assertTrue(portal.text("#clinic-not-found").contains("contact your clinic"));
    assertFalse(browser.getPageSource().contains("404"), "no status codes shown");
    portal.screenshot("patient-unknown-clinic");
  }

  private static boolean noSessionStored(PatientPortalPage portal) {
    return portal.storedKeys().stream().noneMatch(key -> key.startsWith("dermrelay.session."));
  }
}
