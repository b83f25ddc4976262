package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.stepfunctions.ExecutionDescription;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reconciler (decision 0024) on the two ways a case is stranded, each caused for real by
 * stopping the case's execution (StopExecution) while it waits for review: (a) an answer given then
 * is stored but ends nothing; (b) an unanswered case is queued with no execution behind it. One run
 * re-drives each (a new execution {@code <name>-r1}), the clinic is alerted, and the answer reaches
 * the patient once / the case is on the worklist once and can be answered; a second run changes
 * nothing.
 */
@ExtendWith(LocalStackExtension.class)
class ReconcilerIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String ADMIN = "admin@northside.example";
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static ReviewCalls chen;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    chen = new ReviewCalls(api, api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1"));
  }

  @Test
  void anAnswerStoredAfterItsExecutionStoppedReachesThePatientOnceAfterTheReconcilerRuns() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    stack.stepFunctions().service().stopExecution(c.executionArn(), "Test.Lost", "stranded");
    int patientMails = mailsTo(c.patient().email());
    int adminMails = mailsTo(ADMIN);

    chen.claimAndAnswer(NORTHSIDE, c.caseId(), answer());
    assertEquals("QUEUED", status(c), "stored, not delivered: nothing waited for it");
    assertEquals(patientMails, mailsTo(c.patient().email()), "not told yet");

    stack.reconcile();
    awaitStatus(c, "CLOSED");
    HttpResponse<String> read = api.get(c.path() + "/answer", c.patient().token());
    assertEquals(200, read.statusCode(), "the answer reached the patient: " + read.body());
    assertEquals(patientMails + 1, mailsTo(c.patient().email()), "the patient is told once");
    assertResumedAlert(c, adminMails);

    stack.reconcile();
    assertEquals(List.of("", "-r1"), executionsOf(c), "no second execution");
    assertEquals(patientMails + 1, mailsTo(c.patient().email()), "no second mail");
    assertEquals(adminMails + 1, mailsTo(ADMIN), "no second alert");
  }

  @Test
  void aQueuedCaseWithNoLiveExecutionIsQueuedOnceAgainAndCanBeAnswered() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    stack.stepFunctions().service().stopExecution(c.executionArn(), "Test.Lost", "stranded");
    int patientMails = mailsTo(c.patient().email());
    int adminMails = mailsTo(ADMIN);

    stack.reconcile();
    assertEquals(List.of("", "-r1"), executionsOf(c));
    assertEquals(
        ExecutionStatus.RUNNING,
        execution(c, "-r1").status(),
        "the re-driven one waits for review");
    assertEquals(1, timesOnWorklist(c.caseId()), "on the worklist exactly once");
    assertResumedAlert(c, adminMails);

    // The second run as a person runs it on a local stack: /_local/reconcile, operators only.
    assertEquals(401, api.call("POST", "/_local/reconcile", null, null).statusCode());
    assertEquals(403, api.call("POST", "/_local/reconcile", chenToken(), null).statusCode());
    String operator = api.idToken("operator@dermrelay.example", "Demo-Operator-1");
    HttpResponse<String> run = api.call("POST", "/_local/reconcile", operator, null);
    assertEquals(200, run.statusCode(), run.body());
    assertTrue(ApiCalls.json(run).has("redriven"), run.body());
    assertEquals(List.of("", "-r1"), executionsOf(c), "a second run changes nothing");
    assertEquals(adminMails + 1, mailsTo(ADMIN), "no second alert");

    chen.claimAndAnswer(NORTHSIDE, c.caseId(), answer());
    awaitStatus(c, "CLOSED");
    assertEquals(patientMails + 1, mailsTo(c.patient().email()), "the patient is told once");
  }

  private static ObjectNode answer() {
    ObjectNode answer = AnswerRulesIT.validAnswer();
    answer.putNull("followUp");
    return answer;
  }

  private static void assertResumedAlert(IntakeJourney.SubmittedCase c, int adminMailsBefore) {
    List<OutboxMessage> mails = stack.outbox().messagesTo(ADMIN);
    List<OutboxMessage> alerts =
        mails.subList(adminMailsBefore, mails.size()).stream()
            .filter(m -> m.subject().equals("A case was resumed") && m.text().contains(c.caseId()))
            .toList();
    assertEquals(1, alerts.size(), mails.toString());
  }

  private static int mailsTo(String address) {
    return stack.outbox().messagesTo(address).size();
  }

  private static String status(IntakeJourney.SubmittedCase c) {
    return ApiCalls.json(api.get(c.path(), c.patient().token())).get("status").asText();
  }

  /** Polls: the re-driven execution runs on the interpreter's threads. */
  private static void awaitStatus(IntakeJourney.SubmittedCase c, String expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String seen;
    do {
      seen = status(c);
    } while (!seen.equals(expected) && System.nanoTime() < deadline);
    assertEquals(expected, seen);
  }

  /** The suffixes of the case's executions ("" the original, "-r1" ...), oldest first. */
  private static List<String> executionsOf(IntakeJourney.SubmittedCase c) {
    String name = c.patient().clinic() + "-" + c.caseId();
    return stack.stepFunctions().service().listExecutions(workflowArn(), null).stream()
        .map(ExecutionDescription::name)
        .filter(n -> n.startsWith(name))
        .map(n -> n.substring(name.length()))
        .sorted()
        .toList();
  }

  private static ExecutionDescription execution(IntakeJourney.SubmittedCase c, String suffix) {
    return stack.stepFunctions().service().describeExecution(c.executionArn() + suffix);
  }

  private static String workflowArn() {
    return "arn:aws:states:"
        + LocalStackConfig.REGION
        + ":"
        + LocalStackConfig.ACCOUNT_ID
        + ":stateMachine:"
        + LocalStackConfig.CASE_WORKFLOW;
  }

  private static int timesOnWorklist(String caseId) {
    int times = 0;
    String cursor = null;
    do {
      String path = "/worklist?limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page = ApiCalls.json(api.get(path, chenToken()));
      for (JsonNode row : page.path("cases")) {
        times += caseId.equals(row.path("caseId").asText()) ? 1 : 0;
      }
      cursor =
          page.hasNonNull("nextCursor")
              ? URLEncoder.encode(page.get("nextCursor").asText(), StandardCharsets.UTF_8)
              : null;
    } while (cursor != null);
    return times;
  }

  private static String chenToken() {
    return api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
  }
}
