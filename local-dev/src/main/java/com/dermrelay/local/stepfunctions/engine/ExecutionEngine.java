package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.EmulatorClock;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.stepfunctions.TaskInvoker;
import com.dermrelay.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/** Runs executions: owns the clock, the executor, the task invoker and the task tokens. */
public final class ExecutionEngine {
  private final EmulatorClock clock;
  private final Executor executor;
  private final TaskInvoker invoker;
  private final String region;
  private final TaskTokens tokens = new TaskTokens();

  public ExecutionEngine(
      EmulatorClock clock, Executor executor, TaskInvoker invoker, String region) {
    this.clock = clock;
    this.executor = executor;
    this.invoker = invoker;
    this.region = region;
  }

  EmulatorClock clock() {
    return clock;
  }

  Executor executor() {
    return executor;
  }

  TaskInvoker invoker() {
    return invoker;
  }

  String region() {
    return region;
  }

  public TaskTokens tokens() {
    return tokens;
  }

  /** Records ExecutionStarted and runs the execution on the executor; returns at once. */
  public void start(Execution execution) {
    ObjectNode details = Exchanges.JSON.createObjectNode();
    details.put("input", execution.inputText());
    details.putObject("inputDetails").put("truncated", false);
    details.put("roleArn", execution.roleArn());
    execution
        .history()
        .append(
            "ExecutionStarted", 0, execution.startDate(), "executionStartedEventDetails", details);
    Integer timeout = execution.definition().timeoutSeconds();
    PathRunner root =
        new PathRunner(
            this,
            execution,
            execution.definition().graph(),
            execution.scope(),
            rootListener(execution),
            1);
    if (timeout != null) {
      root.schedule(Duration.ofSeconds(timeout), () -> timeOut(execution, timeout));
    }
    executor.execute(() -> root.start(execution.input()));
  }

  /** StopExecution: false when the execution was not running. */
  public boolean stop(Execution execution, String error, String cause) {
    ObjectNode details = Exchanges.JSON.createObjectNode();
    putIfPresent(details, "error", error);
    putIfPresent(details, "cause", cause);
    return execution.close(
        ExecutionStatus.ABORTED,
        clock.now(),
        null,
        error,
        cause,
        "ExecutionAborted",
        "executionAbortedEventDetails",
        details);
  }

  private void timeOut(Execution execution, int seconds) {
    String cause =
        "The execution timed out after " + seconds + " seconds (TimeoutSeconds of the definition).";
    ObjectNode details = Exchanges.JSON.createObjectNode();
    details.put("error", "States.Timeout");
    details.put("cause", cause);
    execution.close(
        ExecutionStatus.TIMED_OUT,
        clock.now(),
        null,
        "States.Timeout",
        cause,
        "ExecutionTimedOut",
        "executionTimedOutEventDetails",
        details);
  }

  private PathRunner.Listener rootListener(Execution execution) {
    return new PathRunner.Listener() {
      @Override
      public void succeeded(JsonNode output) {
        ObjectNode details = Exchanges.JSON.createObjectNode();
        details.put("output", output.toString());
        details.putObject("outputDetails").put("truncated", false);
        execution.close(
            ExecutionStatus.SUCCEEDED,
            clock.now(),
            output.toString(),
            null,
            null,
            "ExecutionSucceeded",
            "executionSucceededEventDetails",
            details);
      }

      @Override
      public void failed(StatesError error) {
        ObjectNode details = Exchanges.JSON.createObjectNode();
        putIfPresent(details, "error", error.error());
        putIfPresent(details, "cause", error.cause());
        execution.close(
            ExecutionStatus.FAILED,
            clock.now(),
            null,
            error.error(),
            error.cause(),
            "ExecutionFailed",
            "executionFailedEventDetails",
            details);
      }
    };
  }

  static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  Instant now() {
    return clock.now();
  }
}
