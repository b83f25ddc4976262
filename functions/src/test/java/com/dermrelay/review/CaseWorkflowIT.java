package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The case workflow's first steps through HTTP: a submitted case is triaged and queued. */
@ExtendWith(LocalStackExtension.class)
class CaseWorkflowIT {
  private static final String CLINIC = "northside-skin";
  private static ApiCalls api;
  private static IntakeJourney journey;

  @BeforeAll
  static void stack(LocalStack stack) {
    api = new ApiCalls(stack);
    journey = new IntakeJourney(stack, api);
  }

  @Test
  void aSubmittedCaseIsTriagedAndQueuedWithTheClinicsSla() {
    IntakeJourney.SubmittedCase submitted = journey.submit(CLINIC, IntakeJourney.urgentIntake());

    JsonNode seen = ApiCalls.json(api.get(submitted.path(), submitted.patient().token()));
    assertEquals("QUEUED", seen.get("status").asText(), seen.toString());
    List<String> events = new ArrayList<>();
    seen.get("timeline").forEach(e -> events.add(e.get("event").asText()));
    assertTrue(events.containsAll(List.of("submitted", "triaged", "queued")), events.toString());

    JsonNode triage = journey.storedCase(CLINIC, submitted.caseId()).get("triage");
    assertEquals("URGENT", triage.get("priority").asText());
    assertEquals(4, triage.get("sevenPointScore").asInt());
    assertTrue(
        triage.get("reasons").get(0).get("text").asText().contains("7-point"), triage.toString());

    Map<String, AttributeValue> review =
        journey.reviewItem(CLINIC, submitted.caseId()).orElseThrow();
    assertEquals("REVIEW", review.get("waitingFor").s());
    assertEquals("URGENT", review.get("priority").s());
    assertTrue(review.get("taskToken").s().startsWith("sfnlocal-"));
    // Northside answers URGENT cases within 24 hours of submission.
    Duration dueIn =
        Duration.between(
            Instant.parse(seen.get("submittedAt").asText()),
            Instant.parse(review.get("dueAt").s()));
    assertTrue(Math.abs(dueIn.minusHours(24).toSeconds()) <= 5, dueIn.toString());
    assertEquals("TENANT#" + CLINIC + "#QUEUE", review.get("gsi1pk").s(), "on the clinic's queue");
  }

  @Test
  void aCaseWithoutWarningSignsIsRoutine() {
    IntakeJourney.SubmittedCase submitted = journey.submit(CLINIC, IntakeJourney.routineIntake());
    JsonNode triage = journey.storedCase(CLINIC, submitted.caseId()).get("triage");
    assertEquals("ROUTINE", triage.get("priority").asText());
    assertEquals("NO_WARNING_SIGNS", triage.get("reasons").get(0).get("code").asText());
  }

  @Test
  void theOptionalTriageQuestionsCount() {
    com.fasterxml.jackson.databind.node.ObjectNode rash = IntakeJourney.rashIntake();
    rash.put("rashWorseningRapidly", true);
    JsonNode rashTriage =
        journey.storedCase(CLINIC, journey.submit(CLINIC, rash).caseId()).get("triage");
    assertEquals("SOON", rashTriage.get("priority").asText());
    assertEquals(
        "RASH_WORSENING",
        rashTriage.get("reasons").get(0).get("code").asText(),
        rashTriage.toString());

    // Inflammation is one more 7-point sign: with growth and several colours (4) it scores 5.
    com.fasterxml.jackson.databind.node.ObjectNode inflamed = IntakeJourney.urgentIntake();
    inflamed.put("inflammation", "yes");
    JsonNode inflamedTriage =
        journey.storedCase(CLINIC, journey.submit(CLINIC, inflamed).caseId()).get("triage");
    assertEquals(5, inflamedTriage.get("sevenPointScore").asInt(), inflamedTriage.toString());
    assertEquals("URGENT", inflamedTriage.get("priority").asText());
    assertEquals(
        "SEVEN_POINT_URGENT",
        inflamedTriage.at("/decision/rule").asText(),
        inflamedTriage.toString());
    assertEquals(5, inflamedTriage.at("/decision/score").asInt());

    com.fasterxml.jackson.databind.node.ObjectNode bad = IntakeJourney.routineIntake();
    bad.putObject("abcde").put("asymmetry", "very");
    IntakeJourney.Patient patient = journey.newPatient(CLINIC);
    java.net.http.HttpResponse<String> refused =
        api.call(
            "POST",
            "/clinics/" + CLINIC + "/cases",
            patient.token(),
            "{\"emergencyScreen\":{\"feverWithWidespreadRash\":false,\"blisteringOrPeelingSkin\":false,"
                + "\"rapidlySpreadingPainfulRedness\":false,\"faceOrLipSwellingOrBreathingTrouble\":false},"
                + "\"intake\":"
                + bad
                + "}");
    assertEquals(400, refused.statusCode(), refused.body());
  }
}
