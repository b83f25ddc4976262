package com.dermrelay.fhir.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.EhrClinic;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One round numbering across the API, the portal and FHIR, through HTTP: a case asked a question
 * first is answered in round 2, and round 2 is what answerCase answers, what the patient and the
 * review page show, what the FHIR download and the EHR resend take. Round 1 ended in a question, so
 * it has no record to download or send.
 */
@ExtendWith(LocalStackExtension.class)
class RoundNumberingIT {
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
  }

  @Test
  void theRoundAnswerCaseAnswersIsTheOneTheDownloadAndTheResendTake() {
    EhrClinic clinic = EhrClinic.create(stack, api, 5);
    String tenant = clinic.tenantId();
    IntakeJourney.SubmittedCase c = journey.submit(tenant, IntakeJourney.routineIntake());
    ReviewCalls review = new ReviewCalls(api, clinic.dermatologistToken());
    String reviewPath = "/clinics/" + tenant + "/reviews/" + c.caseId();

    assertEquals(
        1,
        ApiCalls.json(api.get(reviewPath, clinic.dermatologistToken())).get("round").asInt(),
        "the intake is round 1");
    review.claim(tenant, c.caseId());
    HttpResponse<String> asked =
        api.call(
            "POST",
            c.path() + "/info-requests",
            clinic.dermatologistToken(),
            "{\"question\":\"Does it itch at night?\"}");
    assertEquals(200, asked.statusCode(), asked.body());
    assertEquals(2, ApiCalls.json(asked).get("round").asInt(), "the question opens round 2");

    journey.uploadPhoto(c.patient(), c.caseId(), "close_up");
    HttpResponse<String> replied =
        api.call(
            "POST",
            c.path() + "/info-request/reply",
            c.patient().token(),
            "{\"text\":\"Yes, mostly at night.\"}");
    assertEquals(200, replied.statusCode(), replied.body());
    JsonNode reply = ApiCalls.json(replied);
    assertEquals(2, reply.get("round").asInt());
    assertEquals(2, reply.at("/reply/round").asInt());
    assertEquals(
        "close_up@2", reply.at("/reply/photos/0/view").asText(), "a photo key names its round too");

    review.claim(tenant, c.caseId());
    HttpResponse<String> answered =
        api.call(
            "POST",
            c.path() + "/answer",
            clinic.dermatologistToken(),
            ReviewCalls.eczemaAnswer("This is eczema.", "Moisturise twice a day.").toString());
    assertEquals(200, answered.statusCode(), answered.body());
    assertEquals(2, ApiCalls.json(answered).get("round").asInt(), "answerCase answers round 2");

    assertEquals(
        2,
        ApiCalls.json(api.get(c.path() + "/answer", c.patient().token())).get("round").asInt(),
        "the patient reads the answer of round 2");
    JsonNode forReview = ApiCalls.json(api.get(reviewPath, clinic.dermatologistToken()));
    assertEquals(2, forReview.get("round").asInt());
    assertEquals(List.of(1, 2), ints(forReview.get("rounds"), "round"));
    assertEquals(List.of(2), ints(forReview.get("answers"), "round"));

    String bundlePath = "/clinics/" + tenant + "/cases/" + c.caseId() + "/fhir-bundle";
    assertEquals(
        200,
        api.get(bundlePath + "?round=2", clinic.adminToken()).statusCode(),
        "the download takes the round answerCase answered");
    assertEquals(
        404,
        api.get(bundlePath + "?round=1", clinic.adminToken()).statusCode(),
        "round 1 ended in a question: no record of its own");
    String deliveries = "/clinics/" + tenant + "/cases/" + c.caseId() + "/ehr/deliveries/";
    HttpResponse<String> resent =
        api.call("POST", deliveries + "2/send?force=true", clinic.adminToken(), null);
    assertEquals(200, resent.statusCode(), resent.body());
    assertEquals(2, ApiCalls.json(resent).get("round").asInt());
    assertEquals(
        404,
        api.call("POST", deliveries + "1/send?force=true", clinic.adminToken(), null).statusCode());
  }

  private static List<Integer> ints(JsonNode array, String field) {
    List<Integer> values = new ArrayList<>();
    array.forEach(item -> values.add(item.get(field).asInt()));
    return values;
  }
}
