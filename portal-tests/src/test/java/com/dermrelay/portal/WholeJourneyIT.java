package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.dermrelay.testing.DocScreenshots;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.portal.PatientIntake;
import com.dermrelay.testing.portal.WorkbenchPage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The whole journey in one real browser against the local stack, every step of the people in it
 * done in the browser: a new Northside patient signs up, confirms with the emailed code, answers
 * the intake on a phone-sized screen, uploads real photo files through the presigned URLs, is told
 * a blurred one should be taken again, retakes it and sends; Dr. Chen, who works for Northside and
 * Harbour, finds the case in her one worklist next to a Harbour case, claims it, compares the
 * photos with the patient's earlier ones and answers with a diagnosis from the type-ahead and a
 * prescription; the patient reads the answer. Only the other people's cases (the Harbour case, the
 * patient's earlier consultation) are made over HTTP, as setup.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class WholeJourneyIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static final String PASSWORD = "Whole-Journey-42";
  private static final String EXPLANATION =
      "This is eczema: the skin barrier is weak and gets inflamed. "
          + "It is common and can be controlled.";
  private static final String SURVEILLANCE = "Same distance and light, with a coin beside it.";

  @Test
  void aNewPatientIsAnsweredByADermatologistWhoWorksForTwoClinics(
      LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    ReviewCalls chenOverHttp =
        new ReviewCalls(api, api.idToken(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD));
    String harbourCase = journey.submit(HARBOUR, IntakeJourney.urgentIntake()).caseId();

    // The patient signs up and answers the intake.
    String email = "sam." + UUID.randomUUID() + "@example.com";
    PatientIntake patient =
        PatientIntake.signUp(stack, browser, "northside", "Sam Rivera", email, PASSWORD);
    patient.page().screenshot("journey-patient-home");
    patient.page().click("#start-case");
    patient.answerEmergencyScreen(false);
    patient.chooseLeftForearm();
    patient.answerQuestions();
    patient.page().awaitHeading("About you");
    // The example date is written as this browser's date field shows one (en-US: month first).
    assertEquals("en-US", patient.page().script("return navigator.language;"));
    String dobHint =
        (String)
            patient
                .page()
                .script(
                    "const i = document.querySelector(\"main input[name='dateOfBirth']\");"
                        + "return document.getElementById(i.getAttribute('aria-describedby').split(' ')[0]).textContent;");
    assertEquals("For example 03/09/1984.", dobHint);
    assertTrue(
        patient.answerProfileIfAsked(), "a new patient is asked for their date of birth and sex");

    // Setup: an earlier consultation of Sam's, answered, so there are photos to compare with.
    // Made now because submitting one needs the profile just saved.
    String token = api.idToken(email, PASSWORD);
    IntakeJourney.Patient sam =
        new IntakeJourney.Patient(NORTHSIDE, token, IntakeJourney.subjectOf(token), email);
    String earlier = journey.submitAs(sam, IntakeJourney.routineIntake()).caseId();
    chenOverHttp.claimAndAnswer(
        NORTHSIDE, earlier, ReviewCalls.eczemaAnswer("Earlier: a dry patch.", "Moisturise."));

    patient.acceptConsent("Northside Skin Clinic");
    patient.page().awaitHeading("Your photos");
    patient.page().screenshot("patient-photos-instructions");
    patient.upload("close_up", Photos.sharpFile("sharp-0.jpg", 0));
    assertEquals("accepted", patient.verdict("close_up"));
    patient.upload("context", Photos.blurredFile("blurred.jpg"));
    // Blurred: a retake is advised (or, a little less blurred, the photo is usable with advice).
    String verdict = patient.verdict("context");
    assertTrue(List.of("retake", "warning").contains(verdict), verdict);
    String advice = patient.page().text("#photo-context .verdict");
    assertTrue(advice.contains("blurry") || advice.contains("soft"), advice);
    assertTrue(patient.page().text("#photo-context").contains("Keep this photo anyway"));
    DocScreenshots.offer(
        patient.page().screenshot("patient-photo-verdict-retake"), "patient-photo-verdict.png");
    patient.upload("context", Photos.sharpFile("sharp-1.jpg", 1));
    assertEquals("accepted", patient.verdict("context"));
    patient.page().screenshot("patient-photos-ready");
    String caseId = patient.send();
    assertTrue(patient.page().text("#case-timeline").contains("You sent it to the clinic"));
    assertTrue(patient.page().text("#case-photos").contains("Close-up: looks good"));
    patient.page().screenshot("patient-case-page");
    String stored =
        (String)
            patient.page().script("return JSON.stringify({...sessionStorage, ...localStorage});");
    assertFalse(stored.contains("mole"), "no health data in web storage");

    // Dr. Chen: one worklist for both clinics; she claims Sam's case and compares the photos.
    WorkbenchPage workbench =
        new WorkbenchPage(stack, browser)
            .open("/workbench/")
            .signIn(WorkbenchPage.CHEN, WorkbenchPage.CHEN_PASSWORD);
    workbench.awaitHeading("Worklist");
    List<String> rows = workbench.worklistWith(caseId, harbourCase);
    assertTrue(
        rows.contains(caseId) && rows.contains(harbourCase), "one list, both clinics: " + rows);
    assertTrue(workbench.row(caseId).getText().contains("Northside Skin Clinic"));
    assertTrue(workbench.row(harbourCase).getText().contains("Harbour Dermatology"));
    workbench.screenshot("journey-workbench-worklist");
    workbench.row(caseId).findElement(By.cssSelector("button[data-action='claim']")).click();
    workbench.visible("#history");
    assertEquals("mine", workbench.attribute("#claim-bar", "data-claim"));
    assertTrue(workbench.text("#intake").contains("forearm (left)"), workbench.text("#intake"));
    assertTrue(
        workbench.text("#intake").contains(PatientIntake.OWN_WORDS), "the patient's own words");
    assertTrue(
        workbench.text("#patient-summary").contains("years, female"),
        workbench.text("#patient-summary"));
    workbench.wait.until(d -> workbench.attribute("#viewer-current", "data-photo") != null);
    assertTrue(
        workbench.text("#viewer-compare figcaption").contains("Earlier case"),
        workbench.text("#viewer-compare figcaption"));
    workbench.wait.until(
        d ->
            Boolean.TRUE.equals(
                workbench.script(
                    "const i = document.querySelector('#viewer-compare img'); return i.complete && i.naturalWidth > 0;")));

    // The answer: a diagnosis from the type-ahead, an explanation, a prescription.
    String diagnosis = workbench.chooseDiagnosis("atopic");
    workbench.type("patientExplanation", EXPLANATION);
    workbench.type("treatmentPlan", "Moisturise twice a day; the cream on flares.");
    workbench.addPrescription(
        "Hydrocortisone", "1%", "Apply thinly twice a day for up to 14 days.", "30 g");
    workbench.type("surveillanceMonths", "3");
    workbench.type("surveillanceInstructions", SURVEILLANCE);
    workbench.wait.until(d -> workbench.text("#draft-status").startsWith("Draft saved"));
    workbench.script("document.activeElement.blur(); window.scrollTo(0, 0);");
    DocScreenshots.offer(workbench.screenshot("workbench-case"), "workbench-case.png");
    workbench.ctrlEnterIn("patientExplanation");
    workbench.wait.until(d -> workbench.all("#case-view[data-case='" + caseId + "']").isEmpty());
    assertTrue(workbench.text("main").contains("Answer sent"), workbench.text("main"));

    // Sam reads the answer in plain words, with the prescription.
    patient = PatientIntake.signIn(stack, browser, "northside", email, PASSWORD, "Sam");
    patient.openCase(caseId);
    // No follow-up was asked for, so the workflow closes the case once the answer is delivered.
    String status = patient.page().text("#case-status-value");
    assertTrue(List.of("Answered", "Closed").contains(status), status);
    String medicalName = diagnosis.substring(0, diagnosis.indexOf(" (")).trim();
    assertTrue(
        patient.page().text("#answer-diagnosis").contains(medicalName),
        patient.page().text("#answer-diagnosis") + " names " + medicalName);
    assertEquals(EXPLANATION, patient.page().text("#answer-explanation"));
    String prescriptions = patient.page().text("#answer-prescriptions");
    assertTrue(prescriptions.contains("Hydrocortisone 1%"), prescriptions);
    assertTrue(prescriptions.contains("Apply thinly twice a day"), prescriptions);
    assertTrue(
        patient.page().text("#answer-surveillance").contains("new photos of it in 3 months"),
        patient.page().text("#answer-surveillance"));
    assertEquals(SURVEILLANCE, patient.page().text("#answer-surveillance-instructions"));
    patient.page().screenshot("journey-patient-answer");
  }
}
