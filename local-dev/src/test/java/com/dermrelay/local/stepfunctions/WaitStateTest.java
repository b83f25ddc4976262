package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitStateTest {
  private final SfnHarness sfn = new SfnHarness();

  @AfterEach
  void close() {
    sfn.close();
  }

  private static String waitThenDone(String waitFields) {
    return """
        {"StartAt":"W","States":{
          "W":{"Type":"Wait",%s,"Next":"Done"},
          "Done":{"Type":"Pass","End":true}}}"""
        .formatted(waitFields);
  }

  private void assertWaitsUntil(String executionArn, Instant due) {
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(executionArn).status());
    sfn.clock.advanceTo(due.minusMillis(1));
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(executionArn).status());
    sfn.clock.advanceTo(due);
    assertEquals(ExecutionStatus.SUCCEEDED, sfn.describe(executionArn).status());
  }

  @Test
  void seconds() {
    String arn = sfn.start(waitThenDone("\"Seconds\":90"), "{\"a\":1}");
    assertEquals(List.of("ExecutionStarted", "WaitStateEntered"), sfn.eventTypes(arn));
    assertWaitsUntil(arn, ManualClock.DEFAULT_START.plusSeconds(90));
    assertEquals(json("{\"a\":1}"), sfn.output(sfn.describe(arn)));
    assertEquals(
        List.of(
            "ExecutionStarted",
            "WaitStateEntered",
            "WaitStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"),
        sfn.eventTypes(arn));
    assertEquals(ManualClock.DEFAULT_START.plusSeconds(90), sfn.describe(arn).stopDate());
  }

  @Test
  void secondsPath() {
    String arn = sfn.start(waitThenDone("\"SecondsPath\":\"$.delay\""), "{\"delay\":3600}");
    assertWaitsUntil(arn, ManualClock.DEFAULT_START.plusSeconds(3600));
  }

  @Test
  void secondsPathMustBeANonNegativeInteger() {
    ExecutionDescription run =
        sfn.run(waitThenDone("\"SecondsPath\":\"$.delay\""), "{\"delay\":\"soon\"}");
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.Runtime", run.error());
  }

  @Test
  void timestamp() {
    String arn = sfn.start(waitThenDone("\"Timestamp\":\"2025-01-02T00:00:00Z\""), "{}");
    assertWaitsUntil(arn, Instant.parse("2025-01-02T00:00:00Z"));
  }

  @Test
  void timestampPathWithOffset() {
    String arn =
        sfn.start(
            waitThenDone("\"TimestampPath\":\"$.until\""),
            "{\"until\":\"2025-01-01T03:00:00+02:00\"}");
    assertWaitsUntil(arn, Instant.parse("2025-01-01T01:00:00Z"));
  }

  @Test
  void timestampInThePastDoesNotWait() {
    ExecutionDescription run =
        sfn.run(waitThenDone("\"Timestamp\":\"2020-01-01T00:00:00Z\""), "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, run.status());
    assertEquals(0, sfn.clock.pendingTimers());
  }

  @Test
  void inputAndOutputPathApply() {
    String arn =
        sfn.start(
            """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"InputPath":"$.a","OutputPath":"$.b","End":true}}}""",
            "{\"a\":{\"b\":7}}");
    sfn.clock.advance(Duration.ofSeconds(1));
    assertEquals(json("7"), sfn.output(sfn.describe(arn)));
  }

  @Test
  void executionTimeoutWhileWaiting() {
    String arn =
        sfn.start(
            """
        {"TimeoutSeconds":60,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}""",
            "{}");
    sfn.clock.advance(Duration.ofSeconds(60));
    ExecutionDescription run = sfn.describe(arn);
    assertEquals(ExecutionStatus.TIMED_OUT, run.status());
    assertEquals("States.Timeout", run.error());
    assertEquals("ExecutionTimedOut", sfn.eventTypes(arn).get(sfn.eventTypes(arn).size() - 1));
    assertEquals(0, sfn.clock.pendingTimers(), "the Wait timer is cancelled with the execution");
  }
}
