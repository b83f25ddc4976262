package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.DocScreenshots;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dermatologist workbench in a real browser against the local stack: Dr. Chen's merged
 * worklist (a Northside case next to a Harbour case), claiming, comparing photos with the
 * patient's earlier case, answering with a prescription that the patient then reads; the
 * invitation page; and the accounts it turns away.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class WorkbenchIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static final String CHEN = "dr.chen@dermrelay.example";
  private static final String CHEN_PASSWORD = "Demo-Dermatologist-1";
  private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("temporary password is (\\S+)");
  private static final Pattern INVITATION_LINK = Pattern.compile("(/workbench/accept\\?token=\\S+)");

  @Test
  void drChenClaimsANorthsideCaseComparesPhotosAndAnswersWithAPrescription(LocalStack stack, WebDriver browser)
      throws IOException {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    // The Northside patient's second case: the first one is "earlier", to compare with.
    IntakeJourney.Patient patient = journey.newPatient(NORTHSIDE);
    journey.saveProfile(patient, "1980-05-01", "female");
    String earlier = journey.submitAs(patient, IntakeJourney.routineIntake()).caseId();
    String northside = journey.submitAs(patient, IntakeJourney.routineIntake()).caseId();
    IntakeJourney.SubmittedCase harbour = journey.submit(HARBOUR, IntakeJourney.urgentIntake());

    WorkbenchPage workbench = new WorkbenchPage(stack, browser).open("/workbench/").signIn(CHEN, CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    List<String> rows = workbench.worklistWith(northside, harbour.caseId());
    assertTrue(rows.contains(northside) && rows.contains(harbour.caseId()), "one list, both clinics: " + rows);
    assertTrue(rows.indexOf(harbour.caseId()) < rows.indexOf(northside), "URGENT before ROUTINE");
    assertTrue(workbench.row(harbour.caseId()).getText().contains("Harbour Dermatology"));
    assertTrue(workbench.row(northside).getText().contains("Northside Skin Clinic"));
    assertTrue(workbench.row(northside).getText().matches("(?s).*\\d+ (d|h) .*left.*"), workbench.row(northside).getText());
    assertTrue(workbench.row(harbour.caseId()).getText().contains("7-point"), "triage reasons are shown");
    workbench.screenshot("workbench-worklist");

    // Filter by clinic: Harbour only.
    new Select(workbench.visible("#worklist-view select[name='clinic']")).selectByValue(HARBOUR);
    workbench.wait.until(d -> !workbench.worklistCases().contains(northside));
    assertTrue(workbench.all("#worklist tbody tr").stream()
        .allMatch(r -> HARBOUR.equals(r.getAttribute("data-tenant"))), "Harbour's cases only");
    new Select(workbench.visible("#worklist-view select[name='clinic']")).selectByValue("");
    workbench.wait.until(d -> workbench.worklistWith(northside).contains(northside));

    // The shortcut list, then claim with the row's button.
    workbench.shortcut("?");
    workbench.visible("#shortcuts-dialog[open]");
    workbench.screenshot("workbench-shortcuts");
    workbench.press(Keys.ESCAPE);
    workbench.row(northside).findElement(By.cssSelector("button[data-action='claim']")).click();

    // The case: history on one side, photos with the earlier case's beside them.
    workbench.visible("#history");
    workbench.visible("#photos");
    assertEquals("mine", workbench.attribute("#claim-bar", "data-claim"));
    assertTrue(workbench.text("#intake").contains("forearm (left)"), workbench.text("#intake"));
    assertTrue(workbench.text("#patient-summary").contains("years, female"), workbench.text("#patient-summary"));
    assertTrue(workbench.text("#triage").contains("ROUTINE"));
    workbench.wait.until(d -> workbench.attribute("#viewer-current", "data-photo") != null);
    String comparing = workbench.attribute("#viewer-compare", "data-photo");
    assertTrue(comparing != null && !comparing.isBlank(), "an earlier photo is beside this round's");
    assertTrue(workbench.text("#viewer-compare figcaption").contains("Earlier case"), workbench.text("#viewer-compare figcaption"));
    workbench.wait.until(d -> Boolean.TRUE.equals(workbench.script(
        "const i = document.querySelector('#viewer-compare img'); return i.complete && i.naturalWidth > 0;")));
    workbench.click("#viewer-current button[aria-label^='Zoom in']");
    assertEquals("125%", workbench.text("#viewer-current-zoom"));
    workbench.shortcut("+");
    assertEquals("156%", workbench.text("#viewer-current-zoom"));
    workbench.visible("#viewer-current-stage").sendKeys(Keys.ARROW_LEFT);
    workbench.shortcut("0");
    assertEquals("100%", workbench.text("#viewer-current-zoom"));

    // The answer: the diagnosis by type-ahead and keyboard, a prescription.
    workbench.type("diagnosis", "eczema");
    workbench.visible("#answer-form [role='option'][data-code]");
    workbench.press(Keys.ENTER);
    workbench.wait.until(d -> workbench.attribute("main [name='diagnosis']", "value").contains("("));
    workbench.click("#add-prescription");
    workbench.type("rx-medicine-1", "Hydrocortisone");
    workbench.type("rx-strength-1", "1%");
    workbench.type("rx-directions-1", "Apply thinly twice a day for up to 14 days.");
    workbench.type("rx-quantity-1", "30 g");
    workbench.type("treatmentPlan", "Moisturise twice a day; the cream on flares.");
    workbench.wait.until(d -> workbench.text("#draft-status").startsWith("Draft saved"));
    workbench.script("document.activeElement.blur(); window.scrollTo(0, 0);");
    copyToDocs(workbench.screenshot("workbench-case"));

    // Sent without the explanation: the API's pointer marks that field.
    workbench.ctrlEnterIn("treatmentPlan");
    assertEquals("This is required.", workbench.fieldError("patientExplanation"));
    workbench.screenshot("workbench-answer-field-error");
    workbench.type("patientExplanation", "This is eczema. It is common and can be controlled.");
    workbench.ctrlEnterIn("patientExplanation");
    // Sent: the next case opens, or the worklist when there is none.
    workbench.wait.until(d -> workbench.all("#case-view[data-case='" + northside + "']").isEmpty());
    assertTrue(workbench.text("main").contains("Answer sent"), workbench.text("main"));
    workbench.screenshot("workbench-after-answer");

    // The patient reads it over HTTP.
    HttpResponse<String> answer = api.get("/clinics/" + NORTHSIDE + "/cases/" + northside + "/answer", patient.token());
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode read = ApiCalls.json(answer);
    assertEquals("Hydrocortisone", read.at("/prescriptions/0/medicine").asText());
    assertEquals("30 g", read.at("/prescriptions/0/quantity").asText());
    assertEquals("This is eczema. It is common and can be controlled.", read.get("explanation").asText());
    assertFalse(earlier.equals(northside));
  }

  @Test
  void aClaimLostToAColleagueIsSaidAndTheDraftIsKept(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.SubmittedCase submitted = journey.submit(NORTHSIDE, IntakeJourney.soonIntake());
    String colleague = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Okafor");

    WorkbenchPage workbench = new WorkbenchPage(stack, browser).open("/workbench/").signIn(CHEN, CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.worklistWith(submitted.caseId());
    workbench.row(submitted.caseId()).findElement(By.cssSelector("button[data-action='open']")).click();
    workbench.visible("#history");
    assertEquals("none", workbench.attribute("#claim-bar", "data-claim"), "opening is not claiming");
    workbench.type("treatmentPlan", "Review in clinic.");
    workbench.wait.until(d -> workbench.text("#draft-status").startsWith("Draft saved"));

    // Dr. Okafor claims it meanwhile; Dr. Chen's claim then loses.
    assertEquals(200, api.call("POST", "/clinics/" + NORTHSIDE + "/reviews/" + submitted.caseId() + "/claim",
        colleague, null).statusCode());
    workbench.click("#claim-case");
    workbench.wait.until(d -> "other".equals(workbench.attribute("#claim-bar", "data-claim")));
    assertTrue(workbench.text("#case-view .error-summary").contains("Dr. Okafor claimed this case"),
        workbench.text("#case-view .error-summary"));
    assertTrue(workbench.text("#claim-bar").contains("Dr. Okafor is reviewing this case"));
    assertEquals("Review in clinic.", workbench.attribute("main [name='treatmentPlan']", "value"), "the draft stays");
    workbench.screenshot("workbench-claim-lost");
  }

  @Test
  void anInvitedDermatologistSetsAPasswordAcceptsAndSeesTheWorklist(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String email = "dr.workbench." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String admin = api.idToken("admin@harbour.example", "Demo-Admin-1");
    ObjectNode invite = ApiCalls.JSON.createObjectNode().put("email", email).put("name", "Dr. Workbench");
    assertEquals(201, api.call("POST", "/clinics/" + HARBOUR + "/invitations", admin, invite.toString()).statusCode());

    WorkbenchPage page = new WorkbenchPage(stack, browser).open(mailed(stack, email, INVITATION_LINK));
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
    WorkbenchPage page = new WorkbenchPage(stack, browser).open("/workbench/")
        .signIn("patient@northside.example", "Demo-Patient-1");
    page.awaitHeading("The workbench is for dermatologists");
    page.screenshot("workbench-not-dermatologist");
    page.click("#not-dermatologist-sign-out");
    page.awaitHeading("Sign in to the workbench");
  }

  private static String mailed(LocalStack stack, String email, Pattern pattern) {
    OutboxMessage mail = stack.outbox().messagesTo(email).stream()
        .filter(m -> m.text() != null && pattern.matcher(m.text()).find())
        .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no mail matching " + pattern + " to " + email));
    Matcher matcher = pattern.matcher(mail.text());
    assertTrue(matcher.find());
    return matcher.group(1);
  }

  private static void copyToDocs(Path screenshot) {
    DocScreenshots.offer(screenshot, "workbench-case.png");
  }
}
