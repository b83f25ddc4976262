package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.dermrelay.testing.portal.PatientIntake;
import com.dermrelay.testing.portal.PatientPortalPage;
import com.dermrelay.testing.portal.WorkbenchPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The workbench's second reads (issue 16) in a real browser: a clinic that reads every answer
 * twice; Dr Ada answers through the API; Dr Ben finds the round in the queue beside the worklist,
 * reads the case blind (Dr Ada's words are nowhere on the page), sends a diagnosis and a management
 * category, and the round leaves the queue. The queue and the form in Spanish too. More urgent than
 * Dr Ada's answer, the round is flagged: the medical lead follows the alert's link to both reads
 * side by side and amends the answer; the patient, on a phone, reads the amended answer with the
 * notice, the message and what changed, in English and Spanish.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class SecondReadWorkbenchIT {
  private static final String CLINIC = "second-read-workbench-clinic";
  private static final String FIRST_ANSWER = "Ada thinks this is eczema.";
  private static final String PATIENT_MESSAGE =
      "A second dermatologist looked at your photos: please have this seen in person.";

  @Test
  void aSecondReaderFindsTheRoundReadsItBlindAndSendsARead(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    String admin =
        TestClinics.adminOfSeededClinic(
            stack, CLINIC, c -> c.putObject("secondReads").put("samplePercent", 100));
    String ada = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Ada");
    String leadEmail = "lead-" + UUID.randomUUID() + "@dermrelay.example";
    String lead = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Lead", leadEmail);
    api.call(
        "PUT",
        "/clinics/" + CLINIC + "/members/" + IntakeJourney.subjectOf(lead) + "/medical-lead",
        admin,
        "{\"medicalLead\":true}");
    String benEmail = "ben-" + UUID.randomUUID() + "@dermrelay.example";
    String ben = ClinicStaff.dermatologistOf(stack, api, CLINIC, "Dr Ben", benEmail);
    IntakeJourney.SubmittedCase c = journey.submit(CLINIC, IntakeJourney.routineIntake());
    new ReviewCalls(api, ada)
        .claimAndAnswer(
            CLINIC, c.caseId(), ReviewCalls.eczemaAnswer(FIRST_ANSWER, "Use Ada's cream."));
    String list = "/clinics/" + CLINIC + "/second-reads";
    // The answer's workflow offers the round a moment later.
    new org.openqa.selenium.support.ui.FluentWait<>(api)
        .withTimeout(java.time.Duration.ofSeconds(15))
        .until(a -> ApiCalls.json(a.get(list, ben)).get("items").toString().contains(c.caseId()));

    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn(benEmail, ClinicStaff.PASSWORD);
    workbench.awaitHeading("Worklist");
    // One click from the worklist: the count, then the queue, oldest first.
    workbench.wait.until(d -> workbench.text("#second-reads-count").matches("[1-9]\\d*"));
    workbench.click("#second-reads-link");
    workbench.awaitHeading("Second reads");
    String row = "#second-reads tr[data-case='" + c.caseId() + "']";
    workbench.visible(row);
    assertEquals("1", workbench.text(row + " td:nth-child(3)"), "the round answered");
    workbench.screenshot("workbench-second-reads");

    // Blind: the history and photos, nothing of Dr Ada's answer.
    workbench.click(row + " a");
    workbench.visible("#second-read-form");
    workbench.visible("#history");
    workbench.wait.until(d -> workbench.attribute("#viewer-current", "data-photo") != null);
    String page = workbench.text("main");
    assertFalse(page.contains(FIRST_ANSWER), "the first answer is not shown");
    assertFalse(page.contains("Ada's cream"), "nor its plan");

    // Sent empty: each field says what it needs; then a diagnosis and a category, sent.
    workbench.click("#send-second-read");
    assertEquals("Choose a diagnosis from the list.", workbench.fieldError("secondReadDiagnosis"));
    assertEquals("Choose a management category.", workbench.fieldError("management"));
    workbench.type("secondReadDiagnosis", "psoriasis");
    String picked =
        workbench.attribute(
            "#second-read-form [role='option'][aria-selected='true'][data-code]", "data-code");
    workbench.press(Keys.ENTER);
    workbench.wait.until(
        d -> workbench.attribute("main [name='secondReadDiagnosis']", "value").contains("("));
    new Select(workbench.visible("main [name='management']")).selectByValue("REFER_ROUTINE");
    workbench.screenshot("workbench-second-read");
    workbench.ctrlEnterIn("management");

    // Back to the queue, the item gone, and the read recorded as sent.
    workbench.awaitHeading("Second reads");
    workbench.wait.until(d -> workbench.all(row).isEmpty());
    assertTrue(
        workbench.text("main").contains("Your second read was recorded."), workbench.text("main"));
    JsonNode recorded = ApiCalls.json(api.get(list, ben));
    assertFalse(recorded.toString().contains(c.caseId()), "no longer open: " + recorded);
    JsonNode again =
        ApiCalls.json(
            api.call(
                "POST",
                list + "/" + c.caseId() + "/rounds/1",
                ben,
                "{\"diagnosisCode\":\"" + picked + "\",\"management\":\"REFER_ROUTINE\"}"));
    // The same read again answers what was recorded: what Dr Ben picked, when he sent it.
    assertEquals(picked, again.get("diagnosisCode").asText(), again.toString());
    assertEquals("REFER_ROUTINE", again.get("management").asText(), again.toString());

    // In Spanish: the queue and the form's words.
    workbench.click("button[data-language='es']");
    workbench.awaitHeading("Segundas lecturas");
    assertTrue(
        workbench.text("#second-reads-view").contains("Sus propias respuestas nunca aparecen"),
        workbench.text("#second-reads-view"));
    workbench.visible("#second-reads, #second-reads-empty");
    workbench.click("#second-reads-view nav a");
    workbench.awaitHeading("Lista de trabajo");
    assertTrue(workbench.text("#second-reads-link").startsWith("Segundas lecturas ("));
    workbench.script(
        "window.location.hash = arguments[0];", "second-read/" + CLINIC + "/" + c.caseId() + "/1");
    workbench.visible("#second-read-unavailable, #second-read-form");
    // Read already: the round is no longer offered, said in Spanish.
    assertEquals(
        "Este caso ya no espera una segunda lectura.",
        browser.findElement(By.cssSelector("#second-read-unavailable p")).getText());
    workbench.click("button[data-language='en']");

    // Dr Ben's REFER_ROUTINE is more urgent than Dr Ada's TREAT: flagged, the lead mailed.
    String flagged = "/clinics/" + CLINIC + "/flagged-second-reads";
    new org.openqa.selenium.support.ui.FluentWait<>(api)
        .withTimeout(java.time.Duration.ofSeconds(15))
        .until(a -> ApiCalls.json(a.get(flagged, lead)).toString().contains(c.caseId()));
    String mail = stack.outbox().latestTo(leadEmail).orElseThrow().text();
    String route = "flagged/" + CLINIC + "/" + c.caseId() + "/1";
    assertTrue(mail.contains("/workbench/#" + route), mail);
    theLeadAmendsAndThePatientReadsTheAmendedAnswer(stack, browser, workbench, leadEmail, route, c);
  }

  private static void theLeadAmendsAndThePatientReadsTheAmendedAnswer(
      LocalStack stack,
      WebDriver browser,
      WorkbenchPage workbench,
      String leadEmail,
      String route,
      IntakeJourney.SubmittedCase c) {
    workbench.click("#sign-out");
    workbench.signIn(leadEmail, ClinicStaff.PASSWORD);
    workbench.awaitHeading("Worklist");
    workbench.wait.until(d -> workbench.text("#flagged-count").matches("[1-9]\\d*"));
    workbench.click("#flagged-link");
    workbench.awaitHeading("Flagged second reads");
    workbench.visible("#flagged tr[data-case='" + c.caseId() + "']");
    // The alert mail's link: the flagged round, both reads side by side.
    workbench.script("window.location.hash = arguments[0];", route);
    workbench.visible("#amend-form");
    String first = workbench.text("#first-read");
    assertTrue(first.contains("Treat (no referral)") && first.contains(FIRST_ANSWER), first);
    assertTrue(workbench.text("#second-read").contains("Refer, routine"), "the second read");
    workbench.screenshot("workbench-flagged-round");

    // Sent without a category or message: each says what it needs; then the amendment.
    workbench.click("#send-amendment");
    assertEquals("Choose the management category.", workbench.fieldError("amendManagement"));
    assertEquals(
        "Write the patient why the answer changed.", workbench.fieldError("patientMessage"));
    new Select(workbench.visible("main [name='amendReferral']")).selectByValue("ROUTINE");
    new Select(workbench.visible("main [name='amendManagement']")).selectByValue("REFER_ROUTINE");
    workbench.type("patientMessage", PATIENT_MESSAGE);
    workbench.click("#send-amendment");
    workbench.awaitHeading("Flagged second reads");
    assertTrue(
        workbench.text("main").contains("The amended answer was sent."), workbench.text("main"));
    workbench.wait.until(
        d -> workbench.all("#flagged tr[data-case='" + c.caseId() + "']").isEmpty());
    workbench.click("#sign-out");

    // The patient, on a phone: the notice on top, the message, what changed, the original kept.
    PatientIntake portal =
        PatientIntake.signIn(
            stack, browser, CLINIC, c.patient().email(), IntakeJourney.PASSWORD, "Journey");
    portal.openCase(c.caseId());
    PatientPortalPage page = portal.page();
    assertTrue(
        page.text("#answer-amended-title").startsWith("Your answer was updated on"),
        page.text("#answer-amended"));
    assertEquals(PATIENT_MESSAGE, page.text("#answer-amended-message"));
    assertTrue(
        page.text("#answer-changes")
            .contains("The advice now asks you to see a doctor in person in the next few weeks."),
        page.text("#answer-changes"));
    assertTrue(page.text("#answer-referral").contains("Please see a doctor in person"));
    assertFalse(page.text("#answer").contains("did not ask you to see a doctor"), "only current");
    page.click("#answer-original summary");
    assertTrue(page.text("#answer-original").contains(FIRST_ANSWER), "the original, kept");
    page.screenshot("patient-amended-answer");
    page.click("button[data-language='es']");
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
        .until(d -> page.text("#answer-amended-title").startsWith("Su respuesta se actualizó el"));
    assertTrue(
        page.text("#answer-changes").contains("Ahora se le pide que vea a un médico en persona"),
        page.text("#answer-changes"));
    page.click("button[data-language='en']");
  }
}
