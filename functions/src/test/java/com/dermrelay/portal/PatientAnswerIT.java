package com.dermrelay.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.BrowserExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The review loop as the patient lives it, in a phone-sized (390 x 844) browser against the local
 * stack: the patient sends a consultation in the browser; Dr. Chen (over HTTP) claims it and asks
 * a question; the patient reads it and replies in the browser; Dr. Chen claims it again and
 * answers with a prescription; the patient reads the answer in plain words and says they read it.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
class PatientAnswerIT {
  private static final String CLINIC = "northside-skin";
  private static final String PASSWORD = "Answer-Patient-1";
  private static final String QUESTION = "Does it itch more at night, and has it changed since you first saw it?";
  private static final String REPLY = "Yes, mostly at night. It has not changed.";

  @Test
  void aPatientRepliesToTheQuestionThenReadsAndAcknowledgesTheAnswer(LocalStack stack, WebDriver browser) {
    ApiCalls api = new ApiCalls(stack);
    String email = newPatient(stack);
    PatientIntakeIT.Intake portal = signIn(stack, browser, email);
    String caseId = sendConsultation(portal);
    String chen = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");

    // Dr. Chen finds the case in the worklist, claims it and asks a question.
    assertTrue(worklistHas(api, chen, caseId), "the sent case is on Dr. Chen's worklist");
    claim(api, chen, caseId);
    HttpResponse<String> asked = api.call("POST", casePath(caseId) + "/info-requests", chen,
        ApiCalls.JSON.createObjectNode().put("question", QUESTION).toString());
    assertEquals(200, asked.statusCode(), asked.body());

    // The patient sees the question and replies.
    browser.navigate().refresh();
    portal.page().awaitHeading("Your consultation");
    assertEquals("The dermatologist has a question", portal.page().text("#case-status-value"));
    assertEquals(QUESTION, portal.page().text("#question-text"));
    assertTrue(portal.page().text("#info-request").contains("asked on"), "who asked, and when");
    portal.page().screenshot("patient-question");
    portal.page().click("#reply-photos summary");
    assertTrue(portal.page().text("#reply-photos").contains("Close-up"), "photo cards for the reply");
    portal.page().accessible("patient question, reply photos open");
    portal.page().click("#reply-form button[type='submit']");
    assertEquals("Please write your reply.", portal.page().text("#reply-form .field-error"));
    portal.typeArea("reply", REPLY);
    portal.page().click("#reply-form button[type='submit']");
    assertEquals("Your reply was sent to the dermatologist.", portal.page().topMessage());
    assertEquals(REPLY, portal.page().text("#your-reply .reply__text"));
    assertTrue(browser.findElements(By.id("reply-form")).isEmpty(), "no second reply");
    assertTrue(portal.page().text("#case-timeline").contains("You answered the question"));
    portal.page().screenshot("patient-question-replied");
    JsonNode request = ApiCalls.json(api.get(casePath(caseId) + "/info-request", api.idToken(email, PASSWORD)));
    assertEquals(REPLY, request.at("/reply/text").asText(), "the clinic has the reply");

    // Back to Dr. Chen, who answers with a prescription.
    claim(api, chen, caseId);
    HttpResponse<String> answered = api.call("POST", casePath(caseId) + "/answer", chen, answer().toString());
    assertEquals(200, answered.statusCode(), answered.body());

    browser.navigate().refresh();
    portal.page().awaitHeading("Your consultation");
    assertEquals("Answered", portal.page().text("#case-status-value"));
    assertTrue(portal.page().text("#answer-diagnosis").startsWith("Eczema (atopic dermatitis)"),
        "the diagnosis in the patient's words");
    assertTrue(portal.page().text("#answer-diagnosis").contains("Atopic eczema"), "with its medical name");
    assertEquals(EXPLANATION, portal.page().text("#answer-explanation"));
    assertEquals(PLAN, portal.page().text("#answer-plan"));
    String prescriptions = portal.page().text("#answer-prescriptions");
    assertTrue(prescriptions.contains("Hydrocortisone 1% cream"), prescriptions);
    assertTrue(prescriptions.contains("Apply thinly twice a day"), prescriptions);
    assertTrue(portal.page().text("#answer-referral").contains("did not ask you to see a doctor"));
    assertTrue(portal.page().text("#answer-follow-up").contains("new photos around"));
    assertTrue(portal.page().text("#answer-byline").startsWith("From "), portal.page().text("#answer-byline"));
    portal.page().screenshot("patient-answer");

    portal.page().click("#acknowledge-form button[type='submit']");
    assertTrue(portal.page().text("#answer-read").startsWith("Thank you."), portal.page().text("#answer-read"));
    browser.navigate().refresh();
    portal.page().awaitHeading("Your consultation");
    assertTrue(portal.page().text("#answer-read").startsWith("You read this on"));
    assertTrue(browser.findElements(By.id("acknowledge-form")).isEmpty(), "read once is enough");
    assertTrue(portal.page().text("#case-timeline").contains("You read the answer"));
    portal.page().screenshot("patient-answer-read");

    portal.page().click("a[data-route='home']");
    portal.page().awaitHeading("Hello, Robin");
    portal.page().click("a[data-route='privacy']");
    portal.page().awaitHeading("Your data");
    portal.page().screenshot("patient-privacy");

    String stored = (String) portal.page().script("return JSON.stringify({...sessionStorage, ...localStorage});");
    assertFalse(stored.contains("night") || stored.contains("eczema"), "no health data in web storage");
  }

  private static final String EXPLANATION = "This is eczema: the skin barrier is weak and gets inflamed. "
      + "It is common and can be controlled.";
  private static final String PLAN = "Moisturise twice a day; use the cream on flares for up to 2 weeks.";

  private static ObjectNode answer() {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("diagnosis").put("code", "atopic-eczema").put("note", "flexural");
    body.putArray("differentials").add("allergic-contact-dermatitis");
    body.put("patientExplanation", EXPLANATION);
    body.put("treatmentPlan", PLAN);
    body.putArray("prescriptions").addObject().put("medicine", "Hydrocortisone").put("strength", "1%")
        .put("form", "cream").put("directions", "Apply thinly twice a day for up to 14 days.")
        .put("quantity", "30 g").put("refills", 1);
    body.putObject("referral").put("advised", false);
    body.putObject("followUp").put("inDays", 28);
    return body;
  }

  // ---- steps ----

  /** A new patient of Northside, so the worklist and the timeline are this test's own. */
  private static String newPatient(LocalStack stack) {
    String email = "answer-" + UUID.randomUUID() + "@example.com";
    stack.identity().createConfirmedUser(email, PASSWORD,
        Map.of("email", email, "name", "Robin", "custom:tenantId", CLINIC), Set.of("patient"));
    return email;
  }

  private static PatientIntakeIT.Intake signIn(LocalStack stack, WebDriver browser, String email) {
    PatientPortalPage page = new PatientPortalPage(stack, browser).open("northside", "");
    page.type("email", email);
    page.type("password", PASSWORD);
    page.submit();
    page.awaitHeading("Hello, Robin");
    return new PatientIntakeIT.Intake(page, browser);
  }

  /** The intake in the browser, with two sharp photos; returns the case id from the case page. */
  private static String sendConsultation(PatientIntakeIT.Intake portal) {
    portal.page().click("#start-case");
    PatientIntakeIT.answerEmergencyScreen(portal, false);
    portal.page().awaitHeading("Where is it?");
    portal.page().click(".body-map__region[data-region='forearm'][data-side='left'][data-view='front']");
    portal.page().submit();
    PatientIntakeIT.answerQuestions(portal);
    PatientIntakeIT.answerProfileIfAsked(portal);
    portal.page().awaitHeading("Your consent");
    portal.page().click("#consent-accept");
    portal.page().submit();
    portal.page().awaitHeading("Your photos");
    portal.upload("close_up", PatientIntakeIT.photo("sharp-a.jpg", PatientIntakeIT.sharp(1600, 1200, 0)));
    assertEquals("accepted", portal.verdict("close_up"));
    portal.upload("context", PatientIntakeIT.photo("sharp-b.jpg", PatientIntakeIT.sharp(1600, 1200, 1)));
    assertEquals("accepted", portal.verdict("context"));
    portal.page().click("#submit-case");
    portal.page().awaitHeading("Your consultation");
    assertTrue(portal.page().topMessage().startsWith("Sent."), portal.page().topMessage());
    String path = portal.page().path();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void claim(ApiCalls api, String chen, String caseId) {
    HttpResponse<String> claimed = api.call("POST", "/clinics/" + CLINIC + "/reviews/" + caseId + "/claim", chen, null);
    assertEquals(200, claimed.statusCode(), claimed.body());
  }

  private static boolean worklistHas(ApiCalls api, String token, String caseId) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> response = api.get("/worklist?limit=50&clinic=" + CLINIC
          + (cursor == null ? "" : "&cursor=" + cursor), token);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode page = ApiCalls.json(response);
      page.get("cases").forEach(row -> ids.add(row.get("caseId").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return ids.contains(caseId);
  }

  private static String casePath(String caseId) {
    return "/clinics/" + CLINIC + "/cases/" + caseId;
  }
}
