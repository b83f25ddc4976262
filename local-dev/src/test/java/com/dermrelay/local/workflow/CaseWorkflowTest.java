package com.dermrelay.local.workflow;

import static com.dermrelay.local.workflow.CaseWorkflow.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.stepfunctions.ExecutionDescription;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.stepfunctions.ManualClock;
import com.dermrelay.local.stepfunctions.StepFunctionsException;
import com.dermrelay.local.stepfunctions.TaskFailedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case workflow, path by path, in the local interpreter with the test driving the clock. */
class CaseWorkflowTest {
  private static final String INPUT = "{\"tenantId\":\"northside\",\"caseId\":\"case-1\"}";
  private static final String SOON_48H =
      "{\"priority\":\"SOON\",\"timeoutSeconds\":172800,\"heartbeatSeconds\":86400}";
  private static final String ANSWERED =
      "{\"outcome\":\"ANSWERED\",\"dermatologistId\":\"derm-1\"}";
  private static final JsonNode EMPTY = json("{}");

  private final CaseWorkflow workflow = new CaseWorkflow();

  @BeforeEach
  void scriptTheFunctions() {
    // Photo checks already complete: the function reports it at once, as it will in production.
    workflow.function(
        "AwaitPhotoChecks",
        p -> {
          workflow.service.sendTaskSuccess(p.get("taskToken").textValue(), "{\"complete\":true}");
          return EMPTY;
        });
    workflow.function("Triage", p -> json(SOON_48H));
    for (String callback : List.of("QueueForReview", "RequestMoreInfo", "InviteFollowUp")) {
      workflow.function(callback, p -> EMPTY);
    }
    for (String plain : List.of("DeliverAnswer", "CloseCase", "RecordFailure")) {
      workflow.function(plain, p -> EMPTY);
    }
  }

  @AfterEach
  void close() {
    workflow.close();
  }

  private ExecutionStatus status(String arn) {
    return workflow.describe(arn).status();
  }

  @Test
  void theDefinitionIsAcceptedByTheInterpreterAndKeepsHealthDataOutOfTheExecution() {
    String arn =
        workflow.start(
            "case-1",
            "{\"tenantId\":\"northside\",\"caseId\":\"case-1\",\"symptoms\":\"itchy mole\"}");
    JsonNode triagePayload = workflow.lastCallTo("Triage").payload();
    assertEquals(
        json(INPUT), triagePayload, "functions get ids only; the intake stays in the table");
    assertEquals(ExecutionStatus.RUNNING, status(arn));
  }

  @Test
  void happyPathTriagesQueuesDeliversTheAnswerAndCloses() {
    String arn = workflow.start("case-1", INPUT);
    JsonNode queued = workflow.lastCallTo("QueueForReview").payload();
    assertEquals("northside", queued.get("tenantId").textValue());
    assertEquals("case-1", queued.get("caseId").textValue());
    assertEquals("SOON", queued.get("priority").textValue());
    assertEquals(172800, queued.get("timeoutSeconds").intValue());
    assertEquals(
        NullNode.getInstance(),
        queued.get("preferredDermatologistId"),
        "a new case goes to anyone");
    assertEquals(ExecutionStatus.RUNNING, status(arn));

    workflow.succeed("QueueForReview", ANSWERED);

    assertEquals(
        List.of("AwaitPhotoChecks", "Triage", "QueueForReview", "DeliverAnswer", "CloseCase"),
        workflow.calledFunctions());
    assertEquals(
        "derm-1",
        workflow.lastCallTo("DeliverAnswer").payload().get("dermatologistId").textValue());
    assertEquals(ExecutionStatus.SUCCEEDED, status(arn));
  }

  @Test
  void photoChecksThatNeverEndDoNotHoldTheCaseBack() {
    workflow.function("AwaitPhotoChecks", p -> EMPTY);
    String arn = workflow.start("case-1", INPUT);
    workflow.clock.advance(Duration.ofSeconds(3599));
    assertFalse(workflow.calledFunctions().contains("Triage"));
    workflow.clock.advance(Duration.ofSeconds(1));
    assertTrue(
        workflow.calledFunctions().contains("QueueForReview"),
        "triaged with what is known, then queued");
    assertEquals(ExecutionStatus.RUNNING, status(arn));
  }

  @Test
  void moreInformationReturnsTheCaseToTheSameDermatologistFirst() {
    String arn = workflow.start("case-1", INPUT);
    workflow.succeed(
        "QueueForReview", "{\"outcome\":\"MORE_INFO_REQUESTED\",\"dermatologistId\":\"derm-7\"}");
    assertEquals(
        "derm-7",
        workflow.lastCallTo("RequestMoreInfo").payload().get("dermatologistId").textValue());
    assertEquals(
        1, workflow.callsTo("QueueForReview").size(), "waits for the patient, not in the queue");

    workflow.succeed("RequestMoreInfo", "{\"replyId\":\"reply-1\"}");

    assertEquals(2, workflow.callsTo("QueueForReview").size());
    assertEquals(
        "derm-7",
        workflow
            .lastCallTo("QueueForReview")
            .payload()
            .get("preferredDermatologistId")
            .textValue());
    workflow.succeed("QueueForReview", "{\"outcome\":\"ANSWERED\",\"dermatologistId\":\"derm-7\"}");
    assertEquals(ExecutionStatus.SUCCEEDED, status(arn));
    assertEquals(
        List.of(
            "AwaitPhotoChecks",
            "Triage",
            "QueueForReview",
            "RequestMoreInfo",
            "QueueForReview",
            "DeliverAnswer",
            "CloseCase"),
        workflow.calledFunctions());
  }

  @Test
  void aPatientWhoNeverRepliesStillGetsTheCaseBackToTheDermatologist() {
    String arn = workflow.start("case-1", INPUT);
    workflow.succeed(
        "QueueForReview", "{\"outcome\":\"MORE_INFO_REQUESTED\",\"dermatologistId\":\"derm-7\"}");
    workflow.clock.advance(Duration.ofDays(14));
    assertEquals(
        "derm-7",
        workflow
            .lastCallTo("QueueForReview")
            .payload()
            .get("preferredDermatologistId")
            .textValue());
    assertEquals(ExecutionStatus.RUNNING, status(arn));
  }

  @Test
  void anOverdueCaseEscalatesAndKeepsWaitingWithTheRaisedPriority() {
    workflow.function(
        "Escalate",
        p -> json("{\"priority\":\"URGENT\",\"timeoutSeconds\":7200,\"heartbeatSeconds\":3600}"));
    String arn = workflow.start("case-1", INPUT);
    String firstToken = workflow.tokenOf("QueueForReview");
    // A claim keeps the case alive with heartbeats, but the SLA still runs out.
    workflow.clock.advance(Duration.ofHours(20));
    workflow.service.sendTaskHeartbeat(firstToken);
    workflow.clock.advance(Duration.ofHours(20));
    workflow.service.sendTaskHeartbeat(firstToken);
    workflow.clock.advance(Duration.ofHours(8).minusSeconds(1));
    assertTrue(workflow.callsTo("Escalate").isEmpty(), "not overdue a second before the deadline");
    workflow.clock.advance(Duration.ofSeconds(1));

    JsonNode escalation = workflow.lastCallTo("Escalate").payload();
    assertEquals("States.Timeout", escalation.get("overdue").textValue());
    assertEquals("SOON", escalation.get("priority").textValue());
    assertEquals(ExecutionStatus.RUNNING, status(arn), "never dropped");
    assertEquals(2, workflow.callsTo("QueueForReview").size());
    assertEquals(
        "URGENT", workflow.lastCallTo("QueueForReview").payload().get("priority").textValue());
    assertEquals(
        7200, workflow.lastCallTo("QueueForReview").payload().get("timeoutSeconds").intValue());
    StepFunctionsException stale =
        assertThrows(
            StepFunctionsException.class,
            () -> workflow.service.sendTaskSuccess(firstToken, ANSWERED));
    assertEquals(
        "TaskTimedOut", stale.errorCode(), "the answer must use the token of the current wait");

    workflow.succeed("QueueForReview", ANSWERED);
    assertEquals(ExecutionStatus.SUCCEEDED, status(arn));
  }

  @Test
  void aCaseNobodyTouchesRemindsTheClinicBeforeTheDeadline() {
    workflow.function(
        "Escalate",
        p -> json("{\"priority\":\"SOON\",\"timeoutSeconds\":86400,\"heartbeatSeconds\":43200}"));
    String arn = workflow.start("case-1", INPUT);
    workflow.clock.advance(Duration.ofHours(24));
    assertEquals(
        "States.HeartbeatTimeout",
        workflow.lastCallTo("Escalate").payload().get("overdue").textValue());
    assertEquals(ExecutionStatus.RUNNING, status(arn));
    assertEquals(2, workflow.callsTo("QueueForReview").size());
  }

  @Test
  void escalationRepeatsWhileTheCaseStaysUnanswered() {
    workflow.function(
        "Escalate",
        p -> json("{\"priority\":\"URGENT\",\"timeoutSeconds\":3600,\"heartbeatSeconds\":1800}"));
    String arn = workflow.start("case-1", INPUT);
    workflow.clock.advance(Duration.ofHours(24)); // heartbeat timeout of the first wait
    workflow.clock.advance(Duration.ofMinutes(30));
    workflow.clock.advance(Duration.ofMinutes(30));
    assertEquals(3, workflow.callsTo("Escalate").size());
    assertEquals(ExecutionStatus.RUNNING, status(arn));
  }

  @Test
  void aFollowUpWaitsUntilDueThenInvitesLinksAndQueuesForTheSameDermatologist() {
    Instant due = ManualClock.DEFAULT_START.plus(Duration.ofDays(30));
    String arn = workflow.start("case-1", INPUT);
    workflow.succeed(
        "QueueForReview",
        "{\"outcome\":\"ANSWERED\",\"dermatologistId\":\"derm-1\",\"followUpAt\":\"" + due + "\"}");
    assertEquals(
        1,
        workflow.callsTo("DeliverAnswer").size(),
        "the answer is delivered before the follow-up wait");

    workflow.clock.advanceTo(due.minusSeconds(1));
    assertTrue(workflow.callsTo("InviteFollowUp").isEmpty());
    workflow.clock.advanceTo(due);
    assertEquals(1, workflow.callsTo("InviteFollowUp").size());

    workflow.succeed("InviteFollowUp", "{\"followUpId\":\"fu-1\"}");
    JsonNode retriage = workflow.lastCallTo("Triage").payload();
    assertEquals("fu-1", retriage.get("followUpId").textValue());
    JsonNode queued = workflow.lastCallTo("QueueForReview").payload();
    assertEquals("derm-1", queued.get("preferredDermatologistId").textValue());

    workflow.succeed("QueueForReview", ANSWERED);
    assertEquals(ExecutionStatus.SUCCEEDED, status(arn));
    assertEquals(
        List.of(
            "AwaitPhotoChecks",
            "Triage",
            "QueueForReview",
            "DeliverAnswer",
            "InviteFollowUp",
            "Triage",
            "QueueForReview",
            "DeliverAnswer",
            "CloseCase"),
        workflow.calledFunctions());
  }

  @Test
  void aFollowUpThatNeverComesClosesTheCase() {
    Instant due = ManualClock.DEFAULT_START.plus(Duration.ofDays(7));
    String arn = workflow.start("case-1", INPUT);
    workflow.succeed(
        "QueueForReview",
        "{\"outcome\":\"ANSWERED\",\"dermatologistId\":\"derm-1\",\"followUpAt\":\"" + due + "\"}");
    workflow.clock.advanceTo(due.plus(Duration.ofDays(30)));
    assertEquals(ExecutionStatus.SUCCEEDED, status(arn));
    assertEquals(
        "CloseCase", workflow.calledFunctions().get(workflow.calledFunctions().size() - 1));
  }

  @Test
  void aTransientLambdaErrorIsRetriedAndTheCaseCarriesOn() {
    AtomicInteger attempts = new AtomicInteger();
    workflow.function(
        "Triage",
        p -> {
          if (attempts.incrementAndGet() < 3) {
            throw new TaskFailedException("Lambda.TooManyRequestsException", "Rate exceeded");
          }
          return json(SOON_48H);
        });
    String arn = workflow.start("case-1", INPUT);
    assertTrue(workflow.callsTo("QueueForReview").isEmpty());
    workflow.clock.advance(Duration.ofSeconds(2));
    workflow.clock.advance(Duration.ofSeconds(4));
    assertEquals(3, workflow.callsTo("Triage").size());
    assertEquals(1, workflow.callsTo("QueueForReview").size());
    assertTrue(workflow.callsTo("RecordFailure").isEmpty());
    assertEquals(ExecutionStatus.RUNNING, status(arn));
  }

  @Test
  void aPermanentFailureIsRecordedAndTheClinicAlertedThenTheExecutionFails() {
    workflow.function(
        "DeliverAnswer",
        p -> {
          throw new TaskFailedException(
              "com.dermrelay.delivery.AnswerMissing", "no answer stored for the case");
        });
    String arn = workflow.start("case-1", INPUT);
    workflow.succeed("QueueForReview", ANSWERED);

    JsonNode recorded = workflow.lastCallTo("RecordFailure").payload();
    assertEquals("case-1", recorded.get("caseId").textValue());
    assertEquals("northside", recorded.get("tenantId").textValue());
    assertEquals("com.dermrelay.delivery.AnswerMissing", recorded.get("error").textValue());
    assertEquals(arn, recorded.get("executionId").textValue());
    assertEquals(1, workflow.callsTo("DeliverAnswer").size(), "not a transient error: no retry");
    ExecutionDescription run = workflow.describe(arn);
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("DermRelay.CaseFailed", run.error());
    assertFalse(workflow.calledFunctions().contains("CloseCase"));
  }

  @Test
  void transientErrorsThatNeverStopAreRetriedThenRecorded() {
    workflow.function(
        "CloseCase",
        p -> {
          throw new TaskFailedException("Lambda.ServiceException", "Service unavailable");
        });
    String arn = workflow.start("case-1", INPUT);
    workflow.succeed("QueueForReview", ANSWERED);
    while (workflow.clock.advanceToNextTimer()) {
      // runs every retry
    }
    assertEquals(7, workflow.callsTo("CloseCase").size(), "one try and six retries");
    assertEquals(
        "Lambda.ServiceException",
        workflow.lastCallTo("RecordFailure").payload().get("error").textValue());
    assertEquals("DermRelay.CaseFailed", workflow.describe(arn).error());
  }

  @Test
  void whenRecordingTheFailureFailsTooTheExecutionSaysSo() {
    workflow.function(
        "Triage",
        p -> {
          throw new TaskFailedException("java.lang.IllegalStateException", "bug");
        });
    workflow.function(
        "RecordFailure",
        p -> {
          throw new TaskFailedException("java.lang.IllegalStateException", "table unavailable");
        });
    String arn = workflow.start("case-1", INPUT);
    assertEquals(ExecutionStatus.FAILED, status(arn));
    assertEquals("DermRelay.FailureNotRecorded", workflow.describe(arn).error());
  }

  @Test
  void anUnknownReviewOutcomeIsRecordedAsAFailure() {
    String arn = workflow.start("case-1", INPUT);
    workflow.succeed("QueueForReview", "{\"outcome\":\"SHRUG\",\"dermatologistId\":\"derm-1\"}");
    assertEquals(
        "DermRelay.UnknownReviewOutcome",
        workflow.lastCallTo("RecordFailure").payload().get("error").textValue());
    assertEquals(ExecutionStatus.FAILED, status(arn));
  }

  @Test
  void startingTheSameCaseTwiceRunsOneExecution() {
    String first = workflow.start("northside-case-1", INPUT);
    String again = workflow.start("northside-case-1", INPUT);
    assertEquals(first, again);
    assertEquals(1, workflow.callsTo("Triage").size(), "a retried submit does not triage twice");
    StepFunctionsException other =
        assertThrows(
            StepFunctionsException.class,
            () ->
                workflow.start(
                    "northside-case-1", "{\"tenantId\":\"northside\",\"caseId\":\"case-2\"}"));
    assertEquals("ExecutionAlreadyExists", other.errorCode());
    assertNotEquals(
        first,
        workflow.start("northside-case-2", "{\"tenantId\":\"northside\",\"caseId\":\"case-2\"}"));
  }
}
