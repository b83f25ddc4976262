package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.DocScreenshots;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.portal.ClinicConsolePage;
import com.dermrelay.testing.portal.PatientPortalPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The clinic console in a real browser against the local stack: the dashboard, branding reaching
 * the patient portal, the team, a new clinic's first sign-in, the audit log, and the accounts it
 * turns away.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class ClinicConsoleIT {
  private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("temporary password is (\\S+)");
  private static final Pattern INVITATION_LINK =
      Pattern.compile("/workbench/accept\\?token=(\\S+)");
  private static final String ADMIN = "admin@northside.example";
  private static final String ADMIN_PASSWORD = "Demo-Admin-1";

  @Test
  void aBrandColourChangeShowsInThePreviewAndOnThePatientPortal(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String admin = api.idToken(ADMIN, ADMIN_PASSWORD);
    JsonNode before = ApiCalls.json(api.get("/clinics/northside-skin/settings", admin));
    try {
      ClinicConsolePage console =
          new ClinicConsolePage(stack, browser).open().signIn(ADMIN, ADMIN_PASSWORD);
      console.awaitHeading("Dashboard");
      console.section("branding", "Branding", "#branding-form");
      assertEquals("#0f766e", console.value("primaryColor"));
      console.screenshot("console-branding-northside");

      // A colour the schema refuses: the API's pointer puts the message on the field.
      console.type("primaryColor", "#12345");
      console.submit("#branding-form");
      assertEquals(
          "Enter a colour as # and six hex digits, like #0f766e.",
          console.fieldError("primaryColor"));
      console.screenshot("console-branding-field-error");

      console.type("primaryColor", "#7c2d12");
      assertEquals(
          "rgba(124, 45, 18, 1)",
          console.cssValue("#brand-preview .site-header", "background-color"),
          "the preview follows as the admin types");
      console.submit("#branding-form");
      assertTrue(
          console.topMessage("#branding-form").startsWith("Saved."),
          console.topMessage("#branding-form"));

      PatientPortalPage portal = new PatientPortalPage(stack, browser).open("northside", "");
      assertEquals("rgba(124, 45, 18, 1)", portal.cssValue(".site-header", "background-color"));
      portal.screenshot("patient-sign-in-northside-rebranded");
    } finally {
      // Other classes in this JVM expect the demo clinic's own look.
      JsonNode now = ApiCalls.json(api.get("/clinics/northside-skin/settings", admin));
      ObjectNode restore =
          ApiCalls.JSON.createObjectNode().put("version", now.get("version").asLong());
      restore.set("config", before.get("config"));
      assertEquals(
          200,
          api.call("PUT", "/clinics/northside-skin/settings", admin, restore.toString())
              .statusCode());
    }
  }

  @Test
  void theAdminSeesTheWeeksCasesOnTheDashboardFirst(LocalStack stack, WebDriver browser)
      throws Exception {
    IntakeJourney journey = new IntakeJourney(stack, new ApiCalls(stack));
    journey.submit("northside-skin", IntakeJourney.routineIntake());
    journey.submit("northside-skin", IntakeJourney.soonIntake());

    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser).open().signIn(ADMIN, ADMIN_PASSWORD);
    console.awaitHeading("Dashboard");
    console.visible("#dashboard-status tbody tr");
    String statuses = console.text("#dashboard-status");
    assertTrue(statuses.contains("Waiting for a dermatologist"), statuses);
    assertEquals(
        4,
        browser.findElements(By.cssSelector("#dashboard .dashboard-card")).size(),
        "status, time to answer, breaches, retakes");
    assertEquals(
        3, browser.findElements(By.cssSelector("#dashboard svg.chart[aria-hidden='true']")).size());
    // This week's row of the breaches' figures table counts at least the two cases sent now.
    console.click("#dashboard-turnaround summary");
    String sentThisWeek = console.text("#dashboard-turnaround tbody tr:last-child td");
    assertTrue(Integer.parseInt(sentThisWeek) >= 2, sentThisWeek);
    console.screenshot("clinic-dashboard");
    DocScreenshots.offer(
        Path.of("target", "screenshots", "clinic-dashboard.png"), "clinic-dashboard.png");
  }

  @Test
  void anExpiredSessionLeadsToSignInAndTheUnsavedFormComesBack(
      LocalStack stack, WebDriver browser) {
    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser).open().signIn(ADMIN, ADMIN_PASSWORD);
    console.section("settings", "Service settings", "#settings-form");
    console.type("consentVersion", "2031-01-01");
    // The refresh token is no longer accepted and the ID token is about to expire.
    console.script(
        "const k = 'dermrelay.session.console'; const s = JSON.parse(sessionStorage.getItem(k));"
            + "s.expiresAt = Date.now() + 1000; s.refreshToken = 'revoked'; sessionStorage.setItem(k, JSON.stringify(s));");
    console.submit("#settings-form");
    console.awaitHeading("Sign in to your clinic console");
    assertEquals(
        "For your security you were signed out. Please sign in again.",
        console.topMessage("#sign-in-form"));
    console.screenshot("console-session-expired");

    console.signIn(ADMIN, ADMIN_PASSWORD);
    console.awaitHeading("Dashboard");
    console.section("settings", "Service settings", "#settings-form");
    assertEquals("2031-01-01", console.value("consentVersion"), "the unsaved change is back");
    assertTrue(console.topMessage("#settings-form").startsWith("Your unsaved changes"));
    console.screenshot("console-settings");
  }

  @Test
  void anAdminInvitesADermatologistWhoJoinsAndThenRemovesThem(LocalStack stack, WebDriver browser) {
    String email = "dr.console." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser).open().signIn(ADMIN, ADMIN_PASSWORD);
    console.section("team", "Team", "#team-members table");
    assertTrue(
        console.text("#team-members").contains("dr.chen@dermrelay.example"),
        "the demo team is listed");

    console.type("inviteEmail", email);
    console.type("inviteName", "Dr. Console");
    console.submit("#invite-form");
    assertTrue(
        console.topMessage("#invite-form").startsWith("Invitation sent to " + email),
        console.topMessage("#invite-form"));
    console.screenshot("console-team-invited");

    // The dermatologist sets their password and accepts, as the workbench will let them.
    String derm = firstSignIn(stack, email, "Console-Derm-Pass-1");
    ApiCalls api = new ApiCalls(stack);
    String accept =
        ApiCalls.JSON.createObjectNode().put("token", invitationToken(stack, email)).toString();
    assertEquals(200, api.call("POST", "/invitations/accept", derm, accept).statusCode());

    console.section("branding", "Branding", "#branding-form");
    console.section("team", "Team", "#team-members table");
    String row = "#team-members tr[data-member='" + email + "']";
    assertTrue(console.text(row).contains("Active"), console.text(row));
    // Named a medical lead (told of unsafe second-read disagreements), then removed: no longer.
    console.click(row + " input[name='medicalLead']");
    console.wait.until(
        d -> console.text("#team .status-message").contains("Dr. Console is now a medical lead"));
    String admin = api.idToken(ADMIN, ADMIN_PASSWORD);
    assertTrue(
        memberByEmail(api, admin, email).path("medicalLead").asBoolean(false), "saved at once");
    console.click(row + " button");
    assertTrue(console.text("#confirm-remove-text").contains("Dr. Console will lose access"));
    console.screenshot("console-team-confirm-remove");
    console.click("#confirm-remove");
    // The list is drawn again after the removal: a row found just before that is stale.
    console
        .wait
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> driver.findElement(By.cssSelector(row)).getText().contains("Removed"));
    assertTrue(console.text("#team .status-message").contains("Dr. Console no longer has access"));
    assertEquals(403, api.get("/clinics/northside-skin", derm).statusCode(), "refused at once");
    assertTrue(
        memberByEmail(api, admin, email).path("medicalLead").isMissingNode(),
        "a removed member is no longer a medical lead");
  }

  private static JsonNode memberByEmail(ApiCalls api, String admin, String email) {
    for (JsonNode member :
        ApiCalls.json(api.get("/clinics/northside-skin/members", admin)).get("members")) {
      if (email.equals(member.path("email").asText())) {
        return member;
      }
    }
    throw new AssertionError("not a member: " + email);
  }

  @Test
  void aNewClinicSignsUpAndItsAdminSetsAPasswordAtFirstSignIn(LocalStack stack, WebDriver browser) {
    String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "owner@" + slug + ".example";
    ClinicConsolePage console = new ClinicConsolePage(stack, browser).open();
    console.click("#sign-up-link");
    console.awaitHeading("Sign up your clinic");
    console.type("displayName", "Console Test Clinic");
    assertEquals("console-test-clinic", console.value("slug"), "a web address is suggested");
    console.type("slug", slug);
    console.type("adminName", "Oakley Reed");
    console.type("adminEmail", email);
    console.submit("#sign-up-form");
    assertEquals("Please accept the terms to sign up.", console.text("#accept-terms-error"));
    console.click("#accept-terms");
    console.screenshot("console-sign-up");
    console.submit("#sign-up-form");

    console.awaitHeading("Sign in to your clinic console");
    assertTrue(
        console.topMessage("#sign-in-form").contains("emailed a temporary password to " + email));
    assertEquals(email, console.value("email"));
    console.type("password", temporaryPassword(stack, email));
    console.submit("#sign-in-form");
    console.awaitHeading("Choose your password");
    console.screenshot("console-new-password");
    console.type("newPassword", "Console-Owner-Pass-1");
    console.submit("#new-password-form");

    console.awaitHeading("Dashboard");
    assertEquals(
        "No cases yet", console.text("#dashboard-empty h2"), "a new clinic's dashboard is empty");
    console.screenshot("console-dashboard-empty");
    console.section("branding", "Branding", "#branding-form");
    assertEquals(
        "Console Test Clinic", console.value("displayName"), "the new clinic's own settings");
    assertTrue(console.text("#console-clinic").contains(email));

    // The clinic decides what happens when a patient's answers describe an emergency.
    console.section("settings", "Service settings", "#settings-form");
    org.openqa.selenium.support.ui.Select redFlags =
        new org.openqa.selenium.support.ui.Select(console.visible("main select[name='redFlags']"));
    assertEquals(
        "seek-emergency-care", redFlags.getFirstSelectedOption().getAttribute("value"), "built in");
    redFlags.selectByValue("queue-urgent");
    // Second reads: 5% at random, and always for darker skin (docs/quality.md).
    console.type("samplePercent", "5");
    console.click("#second-read-fitzpatrick-v-vi");
    console.submit("#settings-form");
    assertTrue(
        console.topMessage("#settings-form").startsWith("Saved."),
        console.topMessage("#settings-form"));
    ApiCalls api = new ApiCalls(stack);
    JsonNode saved =
        ApiCalls.json(
            api.get("/clinics/" + slug + "/settings", api.idToken(email, "Console-Owner-Pass-1")));
    assertEquals(
        "queue-urgent", saved.at("/config/triage/redFlagsAtSubmit").asText(), saved.toString());
    assertEquals(5, saved.at("/config/secondReads/samplePercent").asInt(), saved.toString());
    assertEquals(
        "[\"fitzpatrick-v-vi\"]",
        saved.at("/config/secondReads/always").toString(),
        saved.toString());
  }

  @Test
  void theAuditLogShowsRecordsAndFiltersByAction(LocalStack stack, WebDriver browser) {
    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser).open().signIn(ADMIN, ADMIN_PASSWORD);
    // The first, unfiltered search answers (and is itself recorded in the log).
    console.section("audit", "Audit log", "#audit-results > *");
    console.type("action", "audit-log.search");
    console.submit("#audit-form");
    // Read in one script: the table is replaced when the answer arrives.
    console.wait.until(
        driver ->
            Boolean.TRUE.equals(
                console.script(
                    "const rows = [...document.querySelectorAll('#audit-table tbody tr')];"
                        + "return rows.length > 0 && rows.every(r => r.textContent.includes('audit-log.search'));")));
    assertTrue(console.text("#audit-table tbody").contains("SUCCESS"));
    assertTrue(
        console.text("#audit-table tbody").contains("Morgan Lee"), "the actor's name is shown");
    console.screenshot("console-audit-log");
  }

  /** Repeated refused attempts by one caller are one row that says how many there were. */
  @Test
  void repeatedRefusedAttemptsShowAsOneRowWithTheirCount(LocalStack stack, WebDriver browser)
      throws Exception {
    String email = "prober-" + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Prober-Patient-1",
            java.util.Map.of(
                "email", email, "name", "Pat Prober", "custom:tenantId", "harbour-dermatology"),
            java.util.Set.of("patient"));
    ApiCalls api = new ApiCalls(stack);
    String prober = api.idToken(email, "Prober-Patient-1");
    for (int i = 0; i < 3; i++) {
      assertEquals(404, api.get("/clinics/northside-skin/cases", prober).statusCode());
    }
    String subject =
        ApiCalls.JSON
            .readTree(java.util.Base64.getUrlDecoder().decode(prober.split("\\.")[1]))
            .get("sub")
            .asText();

    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser).open().signIn(ADMIN, ADMIN_PASSWORD);
    console.section("audit", "Audit log", "#audit-results > *");
    console.type("user", subject);
    console.submit("#audit-form");
    console.wait.until(
        driver ->
            Boolean.TRUE.equals(
                console.script(
                    "const rows = [...document.querySelectorAll('#audit-table tbody tr')];"
                        + "return rows.length === 1 && rows[0].textContent.includes('Pat Prober');")));
    String row = console.text("#audit-table tbody tr");
    assertTrue(row.contains("3 refused attempts"), row);
    assertTrue(row.contains("(last: "), row);
    assertTrue(row.contains("access.GET /clinics/{tenantId}/cases"), row);
  }

  @Test
  void aDermatologistIsToldTheConsoleIsForClinicAdmins(LocalStack stack, WebDriver browser) {
    ClinicConsolePage console =
        new ClinicConsolePage(stack, browser)
            .open()
            .signIn("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    console.awaitHeading("This console is for clinic admins");
    assertTrue(console.text("#not-admin").contains("dermatologist workbench"));
    assertTrue(
        browser.findElement(By.id("console-nav")).getAttribute("hidden") != null,
        "no sections offered");
    console.screenshot("console-not-admin");
    console.click("#not-admin-sign-out");
    console.awaitHeading("Sign in to your clinic console");
  }

  private static String temporaryPassword(LocalStack stack, String email) {
    OutboxMessage mail =
        stack.outbox().messagesTo(email).stream()
            .filter(m -> m.text() != null && TEMPORARY_PASSWORD.matcher(m.text()).find())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no temporary password for " + email));
    Matcher matcher = TEMPORARY_PASSWORD.matcher(mail.text());
    assertTrue(matcher.find());
    return matcher.group(1);
  }

  private static String invitationToken(LocalStack stack, String email) {
    OutboxMessage mail =
        stack.outbox().messagesTo(email).stream()
            .filter(m -> m.text() != null && INVITATION_LINK.matcher(m.text()).find())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no invitation for " + email));
    Matcher matcher = INVITATION_LINK.matcher(mail.text());
    assertTrue(matcher.find());
    return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
  }

  /**
   * The invitee's first sign-in through the identity API: the temporary password, then their own.
   */
  private static String firstSignIn(LocalStack stack, String email, String newPassword) {
    ObjectNode auth =
        ApiCalls.JSON
            .createObjectNode()
            .put("AuthFlow", "USER_PASSWORD_AUTH")
            .put("ClientId", stack.identity().clientId());
    auth.putObject("AuthParameters")
        .put("USERNAME", email)
        .put("PASSWORD", temporaryPassword(stack, email));
    JsonNode challenge = cognito(stack, "InitiateAuth", auth);
    ObjectNode respond =
        ApiCalls.JSON
            .createObjectNode()
            .put("ChallengeName", "NEW_PASSWORD_REQUIRED")
            .put("ClientId", stack.identity().clientId())
            .put("Session", challenge.path("Session").asText());
    respond.putObject("ChallengeResponses").put("USERNAME", email).put("NEW_PASSWORD", newPassword);
    return cognito(stack, "RespondToAuthChallenge", respond)
        .at("/AuthenticationResult/IdToken")
        .asText();
  }

  private static JsonNode cognito(LocalStack stack, String operation, ObjectNode body) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(stack.identityUrl() + "/"))
                      .header("Content-Type", "application/x-amz-json-1.1")
                      .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                      .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), operation + ": " + response.body());
      return ApiCalls.json(response);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
