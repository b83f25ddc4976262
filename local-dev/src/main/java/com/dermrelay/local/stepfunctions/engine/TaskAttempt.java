package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.EmulatorClock;
import com.dermrelay.local.stepfunctions.TaskFailedException;
import com.dermrelay.local.stepfunctions.asl.DataFlow;
import com.dermrelay.local.stepfunctions.asl.ErrorNames;
import com.dermrelay.local.stepfunctions.asl.JsonPaths;
import com.dermrelay.local.stepfunctions.asl.PayloadTemplate;
import com.dermrelay.local.stepfunctions.asl.State;
import com.dermrelay.local.stepfunctions.asl.StatesError;
import com.dermrelay.local.stepfunctions.asl.TaskResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt of a Task state. Whoever settles the attempt first wins: the invocation's return,
 * SendTaskSuccess/Failure, the timeout or heartbeat timer, or the scope's cancellation; the others
 * find it settled and do nothing.
 */
final class TaskAttempt implements TaskTokens.Waiter {
  private final PathRunner runner;
  private final PathRunner.Visit visit;
  private final State.Task task;
  private final PathRunner.RetryCounter counter;
  private final int retryCount;
  private final AtomicBoolean settled = new AtomicBoolean();
  private final Runnable abandon = this::abandon;
  private volatile ObjectNode context;
  private String token;
  private Integer heartbeatSeconds;
  private EmulatorClock.Timer timeoutTimer;
  private EmulatorClock.Timer heartbeatTimer;

  TaskAttempt(
      PathRunner runner,
      PathRunner.Visit visit,
      State.Task task,
      PathRunner.RetryCounter counter,
      int retryCount) {
    this.runner = runner;
    this.visit = visit;
    this.task = task;
    this.counter = counter;
    this.retryCount = retryCount;
  }

  StepOutcome start() {
    TaskResource resource = task.resource();
    String function;
    JsonNode payload;
    JsonNode parameters;
    Integer timeoutSeconds;
    try {
      JsonNode effective = DataFlow.select(visit.input(), task.inputPath(), "InputPath");
      if (resource.waitsForTaskToken()) {
        token = runner.engine().tokens().issue(this);
      }
      context = runner.context(visit, retryCount, token);
      parameters =
          task.parameters() == null
              ? effective
              : PayloadTemplate.apply(task.parameters(), effective, context);
      timeoutSeconds =
          seconds(
              task.timeoutSeconds(), task.timeoutSecondsPath(), effective, "TimeoutSecondsPath");
      heartbeatSeconds =
          seconds(
              task.heartbeatSeconds(),
              task.heartbeatSecondsPath(),
              effective,
              "HeartbeatSecondsPath");
      if (resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION) {
        function = resource.arn();
        payload = parameters;
      } else {
        JsonNode name = parameters.get("FunctionName");
        if (name == null || !name.isTextual()) {
          throw StatesError.runtime(
              "The Parameters of lambda:invoke must give 'FunctionName' as a string, got " + name);
        }
        function = name.textValue();
        payload =
            parameters.has("Payload")
                ? parameters.get("Payload")
                : Exchanges.JSON.createObjectNode();
      }
    } catch (RuntimeException e) {
      settle(); // retires a token issued before the failure
      throw e;
    }
    scheduledEvents(parameters, timeoutSeconds);
    Instant started = runner.engine().now();
    runner.scope().onCancel(abandon);
    if (!runner.scope().isActive()) {
      return StepOutcome.Suspended.INSTANCE; // stopped meanwhile: do not invoke
    }
    if (timeoutSeconds != null) {
      timeoutTimer =
          runner.schedule(Duration.ofSeconds(timeoutSeconds), () -> timedOut(ErrorNames.TIMEOUT));
    }
    armHeartbeat();
    JsonNode result;
    try {
      result = runner.engine().invoker().invoke(function, payload);
    } catch (TaskFailedException e) {
      return settle() ? failed(e.error(), e.cause()) : StepOutcome.Suspended.INSTANCE;
    } catch (RuntimeException e) {
      // Lambda's Java runtime reports an uncaught exception by its class name.
      return settle()
          ? failed(e.getClass().getName(), e.getMessage())
          : StepOutcome.Suspended.INSTANCE;
    }
    if (resource.waitsForTaskToken()) {
      if (!settled.get()) {
        ObjectNode details = resourceDetails();
        details.put("output", String.valueOf(result));
        runner.event("TaskSubmitted", "taskSubmittedEventDetails", details);
        // Only now: a restart before this point runs the function again with a new token.
        Instant deadline = timeoutSeconds == null ? null : started.plusSeconds(timeoutSeconds);
        if (visit.checkpoint() != null
            && runner.execution().waitingOn(visit.checkpoint(), token, deadline)) {
          runner.engine().persist(runner.execution());
        }
      }
      return StepOutcome.Suspended.INSTANCE;
    }
    if (!settle()) {
      return StepOutcome.Suspended.INSTANCE;
    }
    JsonNode output = result == null ? NullNode.instance : result;
    if (resource.kind() == TaskResource.Kind.LAMBDA_INVOKE) {
      output = lambdaInvokeResult(output);
    }
    succeededEvent(output);
    return complete(output);
  }

  /**
   * After a restart: the task's function already ran and holds {@code waitingToken}; wait on that
   * token again, until the original {@code deadline} (null: none) and with a fresh heartbeat
   * period. Nothing is invoked and no event recorded (the history already has TaskSubmitted).
   */
  StepOutcome rejoin(String waitingToken, Instant deadline) {
    JsonNode effective = DataFlow.select(visit.input(), task.inputPath(), "InputPath");
    heartbeatSeconds =
        seconds(
            task.heartbeatSeconds(),
            task.heartbeatSecondsPath(),
            effective,
            "HeartbeatSecondsPath");
    token = waitingToken;
    runner.engine().tokens().adopt(token, this);
    context = runner.context(visit, retryCount, token);
    runner.scope().onCancel(abandon);
    if (deadline != null) {
      Duration left = Duration.between(runner.engine().now(), deadline);
      synchronized (this) {
        timeoutTimer =
            runner.schedule(
                left.isNegative() ? Duration.ZERO : left, () -> timedOut(ErrorNames.TIMEOUT));
      }
    }
    armHeartbeat();
    return StepOutcome.Suspended.INSTANCE;
  }

  /** After a restart: the token was answered with {@code result} before it; go on with that. */
  StepOutcome completeWith(String answeredToken, JsonNode result) {
    token = answeredToken;
    context = runner.context(visit, retryCount, token);
    return complete(result);
  }

  private Integer seconds(Integer fixed, String path, JsonNode effective, String field) {
    if (path == null) {
      return fixed;
    }
    JsonNode value = JsonPaths.require(effective, path, field);
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
      throw StatesError.runtime(
          "The " + field + " '" + path + "' must select a positive integer, got " + value);
    }
    return value.intValue();
  }

  // ---- settling ------------------------------------------------------------------------------

  private boolean settle() {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    synchronized (this) {
      if (timeoutTimer != null) {
        timeoutTimer.cancel();
      }
      if (heartbeatTimer != null) {
        heartbeatTimer.cancel();
      }
    }
    if (token != null) {
      runner.engine().tokens().finish(token);
    }
    runner.scope().forget(abandon);
    return true;
  }

  private void abandon() {
    settle();
  }

  private synchronized void armHeartbeat() {
    if (heartbeatSeconds == null) {
      return;
    }
    if (heartbeatTimer != null) {
      heartbeatTimer.cancel();
    }
    heartbeatTimer =
        runner.schedule(
            Duration.ofSeconds(heartbeatSeconds), () -> timedOut(ErrorNames.HEARTBEAT_TIMEOUT));
  }

  private void timedOut(String error) {
    if (!settle()) {
      return;
    }
    String cause =
        error.equals(ErrorNames.TIMEOUT)
            ? "The task timed out."
            : "The task did not send a heartbeat in time.";
    ObjectNode details = failureDetails(error, cause);
    runner.event(
        lambdaFunction() ? "LambdaFunctionTimedOut" : "TaskTimedOut",
        lambdaFunction() ? "lambdaFunctionTimedOutEventDetails" : "taskTimedOutEventDetails",
        details);
    runner.resume(() -> recover(StatesError.of(error, cause)));
  }

  @Override
  public boolean succeed(JsonNode output) {
    if (!settle()) {
      return false;
    }
    if (runner.execution().answered(token, output)) {
      runner.engine().persist(runner.execution());
    }
    succeededEvent(output);
    runner.resume(() -> complete(output));
    return true;
  }

  @Override
  public boolean fail(String error, String cause) {
    if (!settle()) {
      return false;
    }
    String name = error == null ? ErrorNames.TASK_FAILED : error;
    failedEvent(name, cause);
    runner.resume(() -> recover(StatesError.of(name, cause)));
    return true;
  }

  @Override
  public boolean heartbeat() {
    if (settled.get()) {
      return false;
    }
    armHeartbeat();
    return true;
  }

  // ---- results -------------------------------------------------------------------------------

  private StepOutcome failed(String error, String cause) {
    failedEvent(error, cause);
    return recover(StatesError.of(error, cause));
  }

  private StepOutcome recover(StatesError error) {
    return runner.recover(
        visit,
        task.retry(),
        task.catchers(),
        error,
        counter,
        retry -> new TaskAttempt(runner, visit, task, counter, retry).start());
  }

  /** ResultSelector, ResultPath, OutputPath; a ResultPath mismatch goes to Retry/Catch. */
  private StepOutcome complete(JsonNode result) {
    JsonNode selected =
        task.resultSelector() == null
            ? result
            : PayloadTemplate.apply(task.resultSelector(), result, context);
    JsonNode merged;
    try {
      merged = task.resultPath().apply(visit.input(), selected);
    } catch (StatesError e) {
      return recover(e);
    }
    JsonNode output = DataFlow.select(merged, task.outputPath(), "OutputPath");
    return runner.exitTo(task, task.next(), output);
  }

  private static JsonNode lambdaInvokeResult(JsonNode payload) {
    ObjectNode wrapped = Exchanges.JSON.createObjectNode();
    wrapped.put("ExecutedVersion", "$LATEST");
    wrapped.set("Payload", payload);
    ObjectNode http = wrapped.putObject("SdkHttpMetadata");
    http.putObject("HttpHeaders").put("Content-Type", "application/json");
    http.put("HttpStatusCode", 200);
    wrapped.putObject("SdkResponseMetadata").put("RequestId", UUID.randomUUID().toString());
    wrapped.put("StatusCode", 200);
    return wrapped;
  }

  // ---- history -------------------------------------------------------------------------------

  private boolean lambdaFunction() {
    return task.resource().kind() == TaskResource.Kind.LAMBDA_FUNCTION;
  }

  private ObjectNode resourceDetails() {
    ObjectNode details = Exchanges.JSON.createObjectNode();
    if (!lambdaFunction()) {
      details.put("resourceType", "lambda");
      details.put("resource", task.resource().historyResource());
    }
    return details;
  }

  private void scheduledEvents(JsonNode parameters, Integer timeoutSeconds) {
    ObjectNode details = resourceDetails();
    if (lambdaFunction()) {
      details.put("resource", task.resource().arn());
      details.put("input", parameters.toString());
      details.putObject("inputDetails").put("truncated", false);
    } else {
      details.put("region", runner.engine().region());
      details.put("parameters", parameters.toString());
    }
    if (timeoutSeconds != null) {
      details.put("timeoutInSeconds", timeoutSeconds.longValue());
    }
    if (heartbeatSeconds != null && !lambdaFunction()) {
      details.put("heartbeatInSeconds", heartbeatSeconds.longValue());
    }
    runner.event(
        lambdaFunction() ? "LambdaFunctionScheduled" : "TaskScheduled",
        lambdaFunction() ? "lambdaFunctionScheduledEventDetails" : "taskScheduledEventDetails",
        details);
    if (lambdaFunction()) {
      runner.event("LambdaFunctionStarted", null, null);
    } else {
      runner.event("TaskStarted", "taskStartedEventDetails", resourceDetails());
    }
  }

  private void succeededEvent(JsonNode output) {
    ObjectNode details = resourceDetails();
    details.put("output", output.toString());
    details.putObject("outputDetails").put("truncated", false);
    runner.event(
        lambdaFunction() ? "LambdaFunctionSucceeded" : "TaskSucceeded",
        lambdaFunction() ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails",
        details);
  }

  private void failedEvent(String error, String cause) {
    runner.event(
        lambdaFunction() ? "LambdaFunctionFailed" : "TaskFailed",
        lambdaFunction() ? "lambdaFunctionFailedEventDetails" : "taskFailedEventDetails",
        failureDetails(error, cause));
  }

  private ObjectNode failureDetails(String error, String cause) {
    ObjectNode details = resourceDetails();
    ExecutionEngine.putIfPresent(details, "error", error);
    ExecutionEngine.putIfPresent(details, "cause", cause);
    return details;
  }
}
