package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code lambda:invoke.waitForTaskToken} with SendTaskSuccess, SendTaskFailure and
 * SendTaskHeartbeat.
 */
class CallbackTaskTest {
  private final SfnHarness sfn = new SfnHarness();

  @BeforeEach
  void registerNotifyFunction() {
    sfn.function("notify", p -> TextNode.valueOf("ignored"));
  }

  @AfterEach
  void close() {
    sfn.close();
  }

  private static String callback(String extra) {
    return """
        {"StartAt":"Wait","States":{
          "Wait":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "Parameters":{"FunctionName":"notify","Payload":{"token.$":"$$.Task.Token","case.$":"$.case"}},
                  "ResultPath":"$.answer"%s,"Next":"Done"},
          "Done":{"Type":"Pass","End":true},
          "Caught":{"Type":"Pass","End":true}}}"""
        .formatted(extra);
  }

  private String token() {
    return sfn.calls().get(sfn.calls().size() - 1).payload().get("token").textValue();
  }

  @Test
  void waitsForSendTaskSuccessAndUsesItsOutputUnwrapped() {
    String arn = sfn.start(callback(""), "{\"case\":\"c-1\"}");
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(arn).status());
    assertEquals("c-1", sfn.calls().get(0).payload().get("case").textValue());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted"),
        sfn.eventTypes(arn));
    sfn.service.sendTaskSuccess(token(), "{\"decision\":\"approve\"}");
    assertEquals(
        json("{\"case\":\"c-1\",\"answer\":{\"decision\":\"approve\"}}"),
        sfn.output(sfn.describe(arn)));
    assertTrue(sfn.eventTypes(arn).contains("TaskSucceeded"));
  }

  @Test
  void sendTaskFailureFailsTheTaskWithItsErrorAndCatchSeesIt() {
    String arn =
        sfn.start(
            callback(
                ",\"Catch\":[{\"ErrorEquals\":[\"Rejected\"],\"ResultPath\":\"$.err\",\"Next\":\"Caught\"}]"),
            "{\"case\":\"c\"}");
    sfn.service.sendTaskFailure(token(), "Rejected", "photo unusable");
    assertEquals(
        json("{\"case\":\"c\",\"err\":{\"Error\":\"Rejected\",\"Cause\":\"photo unusable\"}}"),
        sfn.output(sfn.describe(arn)));
  }

  @Test
  void aFinishedTokenAnswersTaskTimedOut() {
    sfn.start(callback(""), "{\"case\":\"c\"}");
    String token = token();
    sfn.service.sendTaskSuccess(token, "{}");
    StepFunctionsException again =
        assertThrows(StepFunctionsException.class, () -> sfn.service.sendTaskSuccess(token, "{}"));
    assertEquals("TaskTimedOut", again.errorCode());
    assertEquals(
        "TaskTimedOut",
        assertThrows(StepFunctionsException.class, () -> sfn.service.sendTaskHeartbeat(token))
            .errorCode());
  }

  @Test
  void unknownAndMalformedTokens() {
    assertEquals(
        "TaskDoesNotExist",
        assertThrows(
                StepFunctionsException.class,
                () ->
                    sfn.service.sendTaskSuccess("sfnlocal-0123456789abcdef0123456789abcdef", "{}"))
            .errorCode());
    assertEquals(
        "InvalidToken",
        assertThrows(
                StepFunctionsException.class,
                () -> sfn.service.sendTaskFailure("garbage", "E", "c"))
            .errorCode());
  }

  @Test
  void invalidOutputIsRefusedAndTheTaskKeepsWaiting() {
    String arn = sfn.start(callback(""), "{\"case\":\"c\"}");
    assertEquals(
        "InvalidOutput",
        assertThrows(
                StepFunctionsException.class,
                () -> sfn.service.sendTaskSuccess(token(), "{not json"))
            .errorCode());
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(arn).status());
    sfn.service.sendTaskSuccess(token(), "1");
    assertEquals(ExecutionStatus.SUCCEEDED, sfn.describe(arn).status());
  }

  @Test
  void timeoutWithoutAnswerIsStatesTimeout() {
    String arn = sfn.start(callback(",\"TimeoutSeconds\":3600"), "{\"case\":\"c\"}");
    String token = token();
    sfn.clock.advance(Duration.ofSeconds(3599));
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(arn).status());
    sfn.clock.advance(Duration.ofSeconds(1));
    assertEquals("States.Timeout", sfn.describe(arn).error());
    assertTrue(sfn.eventTypes(arn).contains("TaskTimedOut"));
    assertEquals(
        "TaskTimedOut",
        assertThrows(StepFunctionsException.class, () -> sfn.service.sendTaskSuccess(token, "{}"))
            .errorCode());
  }

  @Test
  void heartbeatsResetTheHeartbeatTimer() {
    String arn =
        sfn.start(callback(",\"HeartbeatSeconds\":60,\"TimeoutSeconds\":600"), "{\"case\":\"c\"}");
    for (int i = 0; i < 5; i++) {
      sfn.clock.advance(Duration.ofSeconds(50));
      sfn.service.sendTaskHeartbeat(token());
    }
    assertEquals(
        ExecutionStatus.RUNNING,
        sfn.describe(arn).status(),
        "250 s passed, but never 60 s without a heartbeat");
    sfn.clock.advance(Duration.ofSeconds(60));
    ExecutionDescription run = sfn.describe(arn);
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.HeartbeatTimeout", run.error());
  }

  @Test
  void heartbeatSecondsPathAndRetryIssuesAFreshToken() {
    String arn =
        sfn.start(
            callback(
                ",\"HeartbeatSecondsPath\":\"$.hb\",\"Retry\":[{\"ErrorEquals\":[\"States.HeartbeatTimeout\"],\"MaxAttempts\":1}]"),
            "{\"case\":\"c\",\"hb\":10}");
    String first = token();
    sfn.clock.advance(Duration.ofSeconds(10)); // heartbeat timeout, retry scheduled in 1 s
    sfn.clock.advance(Duration.ofSeconds(1));
    String second = token();
    assertTrue(!first.equals(second));
    sfn.service.sendTaskSuccess(second, "\"ok\"");
    assertEquals("ok", sfn.output(sfn.describe(arn)).get("answer").textValue());
  }

  @Test
  void aFailingNotifyInvocationFailsTheTask() {
    sfn.function(
        "notify",
        p -> {
          throw new TaskFailedException("Lambda.ServiceException", "down");
        });
    String arn = sfn.start(callback(""), "{\"case\":\"c\"}");
    assertEquals("Lambda.ServiceException", sfn.describe(arn).error());
  }

  @Test
  void aTokenSentBackWhileTheInvocationIsStillRunningIsHonoured() {
    sfn.function(
        "notify",
        p -> {
          sfn.service.sendTaskSuccess(p.get("token").textValue(), "\"fast\"");
          return TextNode.valueOf("ignored");
        });
    String arn = sfn.start(callback(""), "{\"case\":\"c\"}");
    assertEquals("fast", sfn.output(sfn.describe(arn)).get("answer").textValue());
  }
}
