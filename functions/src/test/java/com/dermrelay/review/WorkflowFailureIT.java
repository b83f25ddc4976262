package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.stepfunctions.ExecutionDescription;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.stepfunctions.HistoryEvent;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Task that fails for real: the case's stored review item is corrupted (a priority no code
 * knows), so Escalate cannot read it when the untouched case's heartbeat runs out. A function's own
 * error is not one of Lambda's transient errors, so it is not retried; Catch sends it to
 * RecordFailure: the patient sees the case failed, the clinic is mailed, the execution ends in
 * CaseFailed. Nothing ends silently.
 */
@ExtendWith(LocalStackExtension.class)
class WorkflowFailureIT {
  private static final String NORTHSIDE = "northside-skin";
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
  void aFailingTaskIsCaughtRecordedOnTheCaseAndAlertsTheClinic() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.urgentIntake());
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb.updateItem(
          r ->
              r.tableName(LocalStackConfig.TABLE)
                  .key(
                      Map.of(
                          "pk",
                          AttributeValue.fromS("TENANT#" + NORTHSIDE + "#CASE#" + c.caseId()),
                          "sk",
                          AttributeValue.fromS("REVIEW")))
                  .updateExpression("SET priority = :bad")
                  .expressionAttributeValues(
                      Map.of(":bad", AttributeValue.fromS("NOT-A-PRIORITY"))));
    }
    int mailsBefore = stack.outbox().messagesTo("admin@northside.example").size();

    // Northside's URGENT cases are due in 24 h; untouched for half of it, Escalate runs.
    stack.stepFunctions().manualClock().advance(Duration.ofHours(13));

    String arn = c.executionArn();
    ExecutionDescription execution = stack.stepFunctions().service().describeExecution(arn);
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("DermRelay.CaseFailed", execution.error());

    List<HistoryEvent> history = stack.stepFunctions().service().getExecutionHistory(arn);
    List<String> entered = new ArrayList<>();
    int escalateAttempts = 0;
    String current = "";
    for (HistoryEvent e : history) {
      if (e.type().endsWith("StateEntered")) {
        current = e.details().get("name").asText();
        entered.add(current);
      } else if (e.type().equals("TaskScheduled") && current.equals("Escalate")) {
        escalateAttempts++;
      }
    }
    assertTrue(
        entered.containsAll(List.of("Escalate", "RecordFailure", "CaseFailed")),
        entered.toString());
    assertTrue(entered.indexOf("RecordFailure") > entered.indexOf("Escalate"), entered.toString());
    assertEquals(
        1,
        escalateAttempts,
        "a function's own error is not retried (only Lambda's transient errors are)");

    JsonNode seen = ApiCalls.json(api.get(c.path(), c.patient().token()));
    assertEquals("FAILED", seen.get("status").asText());
    List<String> events = new ArrayList<>();
    seen.get("timeline").forEach(t -> events.add(t.get("event").asText()));
    assertEquals("failed", events.get(events.size() - 1), events.toString());

    List<OutboxMessage> mails = stack.outbox().messagesTo("admin@northside.example");
    assertTrue(
        mails.subList(mailsBefore, mails.size()).stream()
            .anyMatch(
                m ->
                    m.subject().equals("A case could not be processed")
                        && m.text().contains(c.caseId())),
        mails.toString());
    assertTrue(
        journey
            .reviewItem(NORTHSIDE, c.caseId())
            .orElseThrow()
            .get("waitingFor")
            .s()
            .equals("NONE"),
        "off the worklists");
  }

  @Test
  void anAnswerDeliveredWhoseResponseIsLostIsRetriedAndThePatientIsToldOnce() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    ReviewCalls chen =
        new ReviewCalls(api, api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1"));
    int mailsBefore = stack.outbox().messagesTo(c.patient().email()).size();
    // DeliverAnswer publishes the answer, tells the patient and marks the case ANSWERED; then its
    // response is lost, and the workflow runs it again (its Retry, after up to 2 s).
    stack.loseNextTaskResponses("DeliverAnswer", 1);
    ObjectNode answer = AnswerRulesIT.validAnswer();
    answer.putNull("followUp");
    chen.claimAndAnswer(NORTHSIDE, c.caseId(), answer);
    stack.stepFunctions().manualClock().advance(Duration.ofSeconds(5));

    awaitAttempts(c, "DeliverAnswer", 2);
    awaitStatus(c, "CLOSED");
    assertEquals(
        1,
        stack.outbox().messagesTo(c.patient().email()).size() - mailsBefore,
        "the patient is told once");
    JsonNode seen = ApiCalls.json(api.get(c.path(), c.patient().token()));
    long answeredEvents = 0;
    for (JsonNode event : seen.path("timeline")) {
      answeredEvents += "answered".equals(event.path("event").asText()) ? 1 : 0;
    }
    assertEquals(1, answeredEvents, seen.path("timeline").toString());
  }

  @Test
  void aQueuedCaseWhoseResponseIsLostIsOnTheWorklistOnceAndItsAnswerArrives() {
    stack.loseNextTaskResponses("QueueForReview", 1);
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    // The first QueueForReview wrote its task token, then "failed": the retry waits with a new
    // token, which must replace the old one, or the answer could not end the wait.
    stack.stepFunctions().manualClock().advance(Duration.ofSeconds(5));
    awaitAttempts(c, "QueueForReview", 2);
    ReviewCalls chen =
        new ReviewCalls(api, api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1"));
    assertTrue(chen.onWorklist(c.caseId()), "queued once, on the worklist");

    ObjectNode answer = AnswerRulesIT.validAnswer();
    answer.putNull("followUp");
    chen.claimAndAnswer(NORTHSIDE, c.caseId(), answer);
    HttpResponse<String> read = api.get(c.path() + "/answer", c.patient().token());
    assertEquals(200, read.statusCode(), "the answer reached the patient: " + read.body());
  }

  /** Polls (the retry runs on the interpreter's threads) until the step was scheduled n times. */
  private static void awaitAttempts(IntakeJourney.SubmittedCase c, String state, int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (attemptsOf(c, state) < n && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(n, attemptsOf(c, state), state + " ran again after its lost response");
  }

  private static void awaitStatus(IntakeJourney.SubmittedCase c, String status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String seen;
    do {
      seen = ApiCalls.json(api.get(c.path(), c.patient().token())).get("status").asText();
    } while (!seen.equals(status) && System.nanoTime() < deadline);
    assertEquals(status, seen);
  }

  /** How many times the execution scheduled the task of {@code state}. */
  private static int attemptsOf(IntakeJourney.SubmittedCase c, String state) {
    String arn = c.executionArn();
    int attempts = 0;
    String current = "";
    for (HistoryEvent e : stack.stepFunctions().service().getExecutionHistory(arn)) {
      if (e.type().endsWith("StateEntered")) {
        current = e.details().get("name").asText();
      } else if (e.type().equals("TaskScheduled") && current.equals(state)) {
        attempts++;
      }
    }
    return attempts;
  }
}
