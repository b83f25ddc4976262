package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskStateTest {
  private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:";
  private final SfnHarness sfn = new SfnHarness();

  @AfterEach
  void close() {
    sfn.close();
  }

  private static String task(String function, String extra) {
    return "{\"Type\":\"Task\",\"Resource\":\""
        + FN
        + function
        + "\""
        + (extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  /** A task whose Catch sends matching errors to a Pass state named Caught. */
  private static String withCatch(String task) {
    return "{\"StartAt\":\"T\",\"States\":{\"T\":"
        + task.substring(0, task.length() - 1)
        + ",\"Next\":\"Done\"},"
        + "\"Done\":{\"Type\":\"Pass\",\"End\":true},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}";
  }

  private void failing(String name, String error) {
    sfn.function(
        name,
        p -> {
          throw new TaskFailedException(error, "cause of " + error);
        });
  }

  @Test
  void lambdaFunctionArnGetsTheEffectiveInputAndReturnsTheRawResult() {
    sfn.function(
        "double", p -> Exchanges.JSON.createObjectNode().put("n", p.get("n").intValue() * 2));
    String arn =
        sfn.start(
            SfnHarness.single(task("double", "\"InputPath\":\"$.in\",\"ResultPath\":\"$.out\"")),
            "{\"in\":{\"n\":21}}");
    assertEquals(json("{\"in\":{\"n\":21},\"out\":{\"n\":42}}"), sfn.output(sfn.describe(arn)));
    assertEquals(FN + "double", sfn.calls().get(0).function());
    assertEquals(json("{\"n\":21}"), sfn.calls().get(0).payload());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"),
        sfn.eventTypes(arn));
  }

  @Test
  void lambdaInvokeWrapsTheResultLikeAws() {
    sfn.function("echo", p -> p);
    String definition =
        SfnHarness.single(
            """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
         "Parameters":{"FunctionName":"echo","Payload":{"id.$":"$.id","fixed":1}},
         "ResultSelector":{"echoed.$":"$.Payload","status.$":"$.StatusCode"}}""");
    String arn = sfn.start(definition, "{\"id\":\"c-1\"}");
    assertEquals(
        json("{\"echoed\":{\"id\":\"c-1\",\"fixed\":1},\"status\":200}"),
        sfn.output(sfn.describe(arn)));
    assertEquals("echo", sfn.calls().get(0).function());
    List<HistoryEvent> events = sfn.service.getExecutionHistory(arn);
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"),
        sfn.eventTypes(arn));
    HistoryEvent scheduled = events.get(2);
    assertEquals("lambda", scheduled.details().get("resourceType").textValue());
    assertEquals("invoke", scheduled.details().get("resource").textValue());
    assertEquals(
        json("{\"FunctionName\":\"echo\",\"Payload\":{\"id\":\"c-1\",\"fixed\":1}}"),
        json(scheduled.details().get("parameters").textValue()));
    JsonNode wrapped = json(events.get(4).details().get("output").textValue());
    assertEquals(200, wrapped.get("StatusCode").intValue());
    assertEquals("$LATEST", wrapped.get("ExecutedVersion").textValue());
    assertEquals(json("{\"id\":\"c-1\",\"fixed\":1}"), wrapped.get("Payload"));
  }

  @Test
  void catchPutsErrorOutputAtItsResultPath() {
    failing("boom", "com.dermrelay.CaseNotFound");
    ExecutionDescription run =
        sfn.run(
            withCatch(
                task(
                    "boom",
                    "\"Catch\":[{\"ErrorEquals\":[\"com.dermrelay.CaseNotFound\"],\"ResultPath\":\"$.error\",\"Next\":\"Caught\"}]")),
            "{\"a\":1}");
    assertEquals(
        json(
            "{\"a\":1,\"error\":{\"Error\":\"com.dermrelay.CaseNotFound\",\"Cause\":\"cause of com.dermrelay.CaseNotFound\"}}"),
        sfn.output(run));
  }

  @Test
  void catchWithDefaultResultPathReplacesTheInput() {
    failing("boom", "E");
    ExecutionDescription run =
        sfn.run(
            withCatch(
                task("boom", "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Caught\"}]")),
            "{\"a\":1}");
    assertEquals(json("{\"Error\":\"E\",\"Cause\":\"cause of E\"}"), sfn.output(run));
  }

  @Test
  void uncaughtErrorFailsTheExecution() {
    failing("boom", "E");
    String arn =
        sfn.start(
            withCatch(
                task("boom", "\"Catch\":[{\"ErrorEquals\":[\"Other\"],\"Next\":\"Caught\"}]")),
            "{}");
    ExecutionDescription run = sfn.describe(arn);
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("E", run.error());
    assertEquals("cause of E", run.cause());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionFailed",
            "ExecutionFailed"),
        sfn.eventTypes(arn));
  }

  @Test
  void anUnexpectedExceptionIsNamedByItsClassLikeLambdasJavaRuntime() {
    sfn.function(
        "npe",
        p -> {
          throw new IllegalStateException("bad state");
        });
    ExecutionDescription run = sfn.run(SfnHarness.single(task("npe", "")), "{}");
    assertEquals("java.lang.IllegalStateException", run.error());
    assertEquals("bad state", run.cause());
  }

  @Test
  void firstMatchingRetrierWinsEvenWhenExhausted() {
    failing("boom", "A");
    ExecutionDescription run =
        sfn.run(
            SfnHarness.single(
                task(
                    "boom",
                    """
        "Retry":[{"ErrorEquals":["B"],"MaxAttempts":9},{"ErrorEquals":["A"],"MaxAttempts":1},{"ErrorEquals":["A","B"],"MaxAttempts":5}]""")),
            "{}");
    assertEquals(ExecutionStatus.RUNNING, run.status());
    sfn.clock.advance(Duration.ofHours(1));
    assertEquals(ExecutionStatus.FAILED, sfn.describe(run.executionArn()).status());
    assertEquals(
        2,
        sfn.calls().size(),
        "one call and one retry from the second retrier; the third is never used");
  }

  @Test
  void backoffIntervalsGrowByTheRateAndAreCappedAtMaxDelay() {
    failing("boom", "E");
    String arn =
        sfn.start(
            SfnHarness.single(
                task(
                    "boom",
                    """
        "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":1,"BackoffRate":2.0,"MaxAttempts":5,"MaxDelaySeconds":5}]""")),
            "{}");
    assertEquals(1, sfn.calls().size());
    sfn.clock.advance(Duration.ofMillis(999));
    assertEquals(1, sfn.calls().size(), "no retry before the first interval");
    sfn.clock.advance(Duration.ofMillis(1));
    assertEquals(2, sfn.calls().size());
    sfn.clock.advance(Duration.ofHours(1));
    assertEquals(6, sfn.calls().size());
    assertEquals(
        List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5)),
        sfn.clock.scheduledDelays());
    assertEquals(ExecutionStatus.FAILED, sfn.describe(arn).status());
  }

  @Test
  void retryDefaultsAreOneSecondThreeAttemptsRateTwo() {
    failing("boom", "E");
    sfn.start(
        SfnHarness.single(task("boom", "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]}]")), "{}");
    sfn.clock.advance(Duration.ofHours(1));
    assertEquals(4, sfn.calls().size());
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
        sfn.clock.scheduledDelays());
  }

  @Test
  void fractionalBackoff() {
    failing("boom", "E");
    sfn.start(
        SfnHarness.single(
            task(
                "boom",
                "\"Retry\":[{\"ErrorEquals\":[\"E\"],\"IntervalSeconds\":2,\"BackoffRate\":1.5,\"MaxAttempts\":3}]")),
        "{}");
    sfn.clock.advance(Duration.ofHours(1));
    assertEquals(
        List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500)),
        sfn.clock.scheduledDelays());
  }

  @Test
  void maxAttemptsZeroNeverRetriesAndGoesToCatch() {
    failing("boom", "E");
    ExecutionDescription run =
        sfn.run(
            withCatch(
                task(
                    "boom",
                    """
        "Retry":[{"ErrorEquals":["E"],"MaxAttempts":0}],"Catch":[{"ErrorEquals":["E"],"Next":"Caught"}]""")),
            "{}");
    assertEquals(ExecutionStatus.SUCCEEDED, run.status());
    assertEquals(1, sfn.calls().size());
    assertEquals(List.of(), sfn.clock.scheduledDelays());
  }

  @Test
  void retryThenSucceedSeesRetryCountInTheContext() {
    AtomicInteger attempts = new AtomicInteger();
    sfn.function(
        "flaky",
        p -> {
          if (attempts.incrementAndGet() < 3) {
            throw new TaskFailedException("Flaky", "try again");
          }
          return p;
        });
    String arn =
        sfn.start(
            SfnHarness.single(
                task(
                    "flaky",
                    """
        "Parameters":{"retry.$":"$$.State.RetryCount"},"Retry":[{"ErrorEquals":["Flaky"],"MaxAttempts":5}]""")),
            "{}");
    sfn.clock.advance(Duration.ofHours(1));
    assertEquals(json("{\"retry\":2}"), sfn.output(sfn.describe(arn)));
    assertEquals(
        List.of(0, 1, 2),
        sfn.calls().stream().map(c -> c.payload().get("retry").intValue()).toList());
  }

  @Test
  void catchAfterRetriesAreExhausted() {
    failing("boom", "E");
    String arn =
        sfn.start(
            withCatch(
                task(
                    "boom",
                    """
        "Retry":[{"ErrorEquals":["E"],"MaxAttempts":2}],"Catch":[{"ErrorEquals":["E"],"ResultPath":"$.err","Next":"Caught"}]""")),
            "{\"k\":1}");
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(arn).status());
    sfn.clock.advance(Duration.ofSeconds(1));
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(arn).status());
    sfn.clock.advance(Duration.ofSeconds(2));
    assertEquals(3, sfn.calls().size());
    assertEquals(
        json("{\"k\":1,\"err\":{\"Error\":\"E\",\"Cause\":\"cause of E\"}}"),
        sfn.output(sfn.describe(arn)));
  }

  @Test
  void taskTimeoutIsStatesTimeout() {
    sfn.function(
        "slow",
        p -> {
          sfn.clock.advance(Duration.ofSeconds(10)); // the function "takes" 10 s of emulated time
          return TextNode.valueOf("too late");
        });
    String arn = sfn.start(SfnHarness.single(task("slow", "\"TimeoutSeconds\":5")), "{}");
    ExecutionDescription run = sfn.describe(arn);
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.Timeout", run.error());
    assertTrue(sfn.eventTypes(arn).contains("LambdaFunctionTimedOut"));
    assertTrue(
        !sfn.eventTypes(arn).contains("LambdaFunctionSucceeded"), "the late result is ignored");
  }

  @Test
  void timeoutSecondsPath() {
    sfn.function(
        "slow",
        p -> {
          sfn.clock.advance(Duration.ofSeconds(10));
          return p;
        });
    assertEquals(
        "States.Timeout",
        sfn.run(SfnHarness.single(task("slow", "\"TimeoutSecondsPath\":\"$.t\"")), "{\"t\":9}")
            .error());
    assertEquals(
        ExecutionStatus.SUCCEEDED,
        sfn.run(SfnHarness.single(task("slow", "\"TimeoutSecondsPath\":\"$.t\"")), "{\"t\":11}")
            .status());
    assertEquals(
        "States.Runtime",
        sfn.run(SfnHarness.single(task("slow", "\"TimeoutSecondsPath\":\"$.t\"")), "{\"t\":0}")
            .error());
  }

  @Test
  void taskFailedMatchesCustomErrorsButNotTimeout() {
    String catches =
        "\"Catch\":[{\"ErrorEquals\":[\"States.TaskFailed\"],\"ResultPath\":\"$.by\",\"Next\":\"Caught\"},"
            + "{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.all\",\"Next\":\"Caught\"}]";
    failing("boom", "Custom");
    assertTrue(sfn.output(sfn.run(withCatch(task("boom", catches)), "{}")).has("by"));
    sfn.function(
        "slow",
        p -> {
          sfn.clock.advance(Duration.ofSeconds(10));
          return p;
        });
    JsonNode timedOut =
        sfn.output(sfn.run(withCatch(task("slow", "\"TimeoutSeconds\":1," + catches)), "{}"));
    assertEquals("States.Timeout", timedOut.get("all").get("Error").textValue());
  }

  @Test
  void resultPathMatchFailureIsCatchable() {
    sfn.function("echo", p -> p);
    JsonNode out =
        sfn.output(
            sfn.run(
                withCatch(
                    task(
                        "echo",
                        "\"ResultPath\":\"$.a.b\",\"Catch\":[{\"ErrorEquals\":[\"States.ResultPathMatchFailure\"],\"ResultPath\":\"$.err\",\"Next\":\"Caught\"}]")),
                "{\"a\":\"text\"}"));
    assertEquals("States.ResultPathMatchFailure", out.get("err").get("Error").textValue());
  }

  @Test
  void statesRuntimeIsNotCaughtByStatesAll() {
    sfn.function("echo", p -> p);
    ExecutionDescription run =
        sfn.run(
            withCatch(
                task(
                    "echo",
                    "\"Parameters\":{\"x.$\":\"$.missing\"},\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Caught\"}]")),
            "{}");
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.Runtime", run.error());
    assertEquals(0, sfn.calls().size());
  }
}
