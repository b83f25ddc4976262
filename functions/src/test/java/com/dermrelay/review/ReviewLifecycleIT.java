package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole review loop through HTTP, time driven by the interpreter's clock: submitted, triaged,
 * on Dr. Chen's merged worklist, claimed, a question to the patient and the reply with a photo,
 * back to Dr. Chen first, answered with a prescription and a follow-up in 28 days, read and
 * acknowledged, the follow-up invitation when due, follow-up photos, both rounds on the review
 * page, answered again and closed. Patients are mailed at each step, without health details.
 */
@ExtendWith(LocalStackExtension.class)
class ReviewLifecycleIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static String chen;
  private static String chenSubject;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    chen = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    chenSubject = IntakeJourney.subjectOf(chen);
  }

  @Test
  void aCaseGoesFromSubmissionThroughAQuestionAnAnswerAndAFollowUpToClosed() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    IntakeJourney.SubmittedCase otherClinic =
        journey.submit(HARBOUR, IntakeJourney.routineIntake());
    IntakeJourney.Patient patient = c.patient();
    String casePath = c.path();

    // Triaged and on Dr. Chen's one worklist, next to the other clinic's case.
    assertEquals("QUEUED", status(c));
    List<JsonNode> rows = worklist();
    assertTrue(
        row(rows, c.caseId()) != null && row(rows, otherClinic.caseId()) != null, rows.toString());

    // Claimed; a question to the patient, who is mailed without any health detail.
    claim(c);
    HttpResponse<String> asked =
        api.call(
            "POST",
            casePath + "/info-requests",
            chen,
            "{\"question\":\"Does the dry patch itch more at night?\"}");
    assertEquals(200, asked.statusCode(), asked.body());
    assertEquals("MORE_INFO_REQUESTED", status(c));
    OutboxMessage question = latestMailTo(patient);
    assertTrue(question.subject().startsWith("Your clinic has a question"), question.subject());
    assertNoHealthDetails(question);

    // The patient reads the question and replies with text and a new photo of the round.
    JsonNode infoRequest = ApiCalls.json(api.get(casePath + "/info-request", patient.token()));
    assertEquals("Does the dry patch itch more at night?", infoRequest.get("question").asText());
    journey.uploadPhoto(patient, c.caseId(), "close_up");
    HttpResponse<String> replied =
        api.call(
            "POST",
            casePath + "/info-request/reply",
            patient.token(),
            "{\"text\":\"Yes, mostly at night.\"}");
    assertEquals(200, replied.statusCode(), replied.body());

    // Back on the worklist, offered to Dr. Chen first.
    assertEquals("QUEUED", status(c));
    JsonNode back = row(worklist(), c.caseId());
    assertTrue(back.get("preferredForMe").asBoolean(), back.toString());
    List<JsonNode> firstPage = new ArrayList<>();
    ApiCalls.json(api.get("/worklist?limit=20", chen)).get("cases").forEach(firstPage::add);
    int at = firstPage.indexOf(row(firstPage, c.caseId()));
    assertTrue(
        at >= 0
            && firstPage.subList(0, at).stream().allMatch(r -> r.get("preferredForMe").asBoolean()),
        "the first page opens with the cases offered to Dr. Chen first: " + firstPage);
    assertEquals(
        chenSubject,
        journey
            .reviewItem(NORTHSIDE, c.caseId())
            .orElseThrow()
            .get("preferredDermatologistId")
            .s());

    // Answered with a prescription, a follow-up in 28 days and the lesion under surveillance; the
    // patient is told, reads it with the instructions for the next photos.
    claim(c);
    ObjectNode first = AnswerRulesIT.validAnswer();
    first
        .putObject("surveillance")
        .put("inMonths", 3)
        .put("instructions", "Same distance, same light, with a ruler beside it.");
    HttpResponse<String> answered = api.call("POST", casePath + "/answer", chen, first.toString());
    assertEquals(200, answered.statusCode(), answered.body());
    assertEquals(
        "TREAT",
        ApiCalls.json(answered).at("/content/management").asText(),
        "a body without a management category gets the one its prescription suggests");
    assertEquals("ANSWERED", status(c));
    OutboxMessage answerMail = latestMailTo(patient);
    assertTrue(answerMail.subject().startsWith("Your clinic has answered"), answerMail.subject());
    assertNoHealthDetails(answerMail);
    JsonNode answer = ApiCalls.json(api.get(casePath + "/answer", patient.token()));
    assertEquals("Hydrocortisone", answer.at("/prescriptions/0/medicine").asText());
    assertEquals(3, answer.at("/surveillance/inMonths").intValue());
    assertEquals(
        "Same distance, same light, with a ruler beside it.",
        answer.at("/surveillance/instructions").asText());
    assertFalse(
        answer.has("readAt"), "an unread answer has no readAt (absent fields are left out)");
    HttpResponse<String> acknowledged =
        api.call("POST", casePath + "/answer/acknowledge", patient.token(), null);
    assertEquals(200, acknowledged.statusCode(), acknowledged.body());
    assertTrue(ApiCalls.json(acknowledged).hasNonNull("readAt"));

    // Another patient cannot read it.
    IntakeJourney.Patient stranger = journey.newPatient(NORTHSIDE);
    assertEquals(404, api.get(casePath + "/answer", stranger.token()).statusCode());

    // 28 days later the follow-up is due: the patient is invited.
    stack.stepFunctions().manualClock().advance(Duration.ofDays(29));
    assertEquals("FOLLOW_UP_DUE", status(c));
    OutboxMessage invitation = latestMailTo(patient);
    assertTrue(invitation.subject().startsWith("Time for your follow-up"), invitation.subject());
    assertNoHealthDetails(invitation);

    // Follow-up photos and notes; the case is triaged again and queued for Dr. Chen first.
    journey.uploadPhoto(patient, c.caseId(), "close_up");
    HttpResponse<String> followedUp =
        api.call(
            "POST",
            casePath + "/follow-up",
            patient.token(),
            "{\"progress\":\"BETTER\",\"newSymptoms\":false,\"notes\":\"Much less itchy.\"}");
    assertEquals(200, followedUp.statusCode(), followedUp.body());
    assertEquals("QUEUED", status(c));
    assertTrue(row(worklist(), c.caseId()).get("preferredForMe").asBoolean());

    // The review page shows every round side by side, and the first answer.
    JsonNode review =
        ApiCalls.json(api.get("/clinics/" + NORTHSIDE + "/reviews/" + c.caseId(), chen));
    JsonNode rounds = review.get("rounds");
    assertEquals(
        List.of("intake", "info_reply", "follow_up"), texts(rounds, "kind"), rounds.toString());
    assertEquals("Yes, mostly at night.", rounds.get(1).get("text").asText());
    assertEquals("Does the dry patch itch more at night?", rounds.get(1).get("question").asText());
    assertEquals(1, rounds.get(1).get("photos").size());
    assertEquals("BETTER", rounds.get(2).at("/followUp/progress").asText());
    assertEquals(1, rounds.get(2).get("photos").size());
    assertEquals(1, review.get("answers").size());
    assertEquals("atopic-eczema", review.at("/answers/0/diagnosis/code").asText());

    // Answered again without a follow-up: delivered and closed.
    claim(c);
    ObjectNode last = AnswerRulesIT.validAnswer();
    last.putNull("followUp");
    last.put("treatmentPlan", "Keep moisturising; no more steroid cream needed.");
    HttpResponse<String> closing = api.call("POST", casePath + "/answer", chen, last.toString());
    assertEquals(200, closing.statusCode(), closing.body());
    assertEquals("CLOSED", status(c));
    List<String> events = new ArrayList<>();
    ApiCalls.json(api.get(casePath, patient.token()))
        .get("timeline")
        .forEach(e -> events.add(e.get("event").asText()));
    assertTrue(
        events.containsAll(
            List.of(
                "triaged",
                "queued",
                "more_info_requested",
                "info_reply_sent",
                "answered",
                "answer_read",
                "follow_up_due",
                "follow_up_sent",
                "closed")),
        events.toString());
  }

  @Test
  void twoConcurrentIdenticalAnswersGiveOneAnswerAndTheCommonPathTakesEightStates()
      throws Exception {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    claim(c);
    ObjectNode noFollowUp = AnswerRulesIT.validAnswer();
    noFollowUp.putNull("followUp");
    String body = noFollowUp.toString();
    int mailsBefore = stack.outbox().messagesTo(c.patient().email()).size();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        sent.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.call("POST", c.path() + "/answer", chen, body);
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> response : sent) {
        assertEquals(200, response.get().statusCode(), response.get().body());
      }
    } finally {
      pool.shutdownNow();
    }
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      int answers =
          dynamoDb
              .query(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .keyConditionExpression("pk = :pk AND begins_with(sk, :answer)")
                          .expressionAttributeValues(
                              Map.of(
                                  ":pk",
                                      AttributeValue.fromS(
                                          "TENANT#" + NORTHSIDE + "#CASE#" + c.caseId()),
                                  ":answer", AttributeValue.fromS("ANSWER#"))))
              .count();
      assertEquals(1, answers);
    }
    assertEquals(
        1,
        stack.outbox().messagesTo(c.patient().email()).size() - mailsBefore,
        "the patient is told once");

    // The common path (answered, no question, no follow-up): 8 billed state transitions.
    assertEquals("CLOSED", status(c));
    String arn = c.executionArn();
    List<String> entered =
        stack.stepFunctions().service().getExecutionHistory(arn).stream()
            .filter(e -> e.type().endsWith("StateEntered"))
            .map(e -> e.details().get("name").asText())
            .toList();
    assertEquals(
        List.of(
            "CaseReceived",
            "AwaitPhotoChecks",
            "Triage",
            "QueueForReview",
            "ReviewOutcome",
            "DeliverAnswer",
            "FollowUpAskedFor",
            "CloseCase"),
        entered);
  }

  private static void claim(IntakeJourney.SubmittedCase c) {
    HttpResponse<String> claimed =
        api.call(
            "POST",
            "/clinics/" + c.patient().clinic() + "/reviews/" + c.caseId() + "/claim",
            chen,
            null);
    assertEquals(200, claimed.statusCode(), claimed.body());
  }

  private static String status(IntakeJourney.SubmittedCase c) {
    return ApiCalls.json(api.get(c.path(), c.patient().token())).get("status").asText();
  }

  private static OutboxMessage latestMailTo(IntakeJourney.Patient patient) {
    return stack.outbox().latestTo(patient.email()).orElseThrow();
  }

  /** The mail names the clinic and links to sign in; nothing of the case's content. */
  private static void assertNoHealthDetails(OutboxMessage mail) {
    String all = (mail.subject() + " " + mail.text()).toLowerCase();
    for (String detail :
        List.of("itch", "dry patch", "eczema", "hydrocortisone", "forearm", "moistur")) {
      assertFalse(all.contains(detail), "no '" + detail + "' in: " + all);
    }
    assertTrue(all.contains("/c/northside/"), all);
  }

  /** Dr. Chen's whole worklist, page by page (other tests' cases share the stack). */
  private static List<JsonNode> worklist() {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> response =
          api.get("/worklist?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), chen);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode page = ApiCalls.json(response);
      page.get("cases").forEach(rows::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return rows;
  }

  private static JsonNode row(List<JsonNode> rows, String caseId) {
    return rows.stream()
        .filter(r -> r.get("caseId").asText().equals(caseId))
        .findFirst()
        .orElse(null);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.get(field).asText()));
    return texts;
  }
}
