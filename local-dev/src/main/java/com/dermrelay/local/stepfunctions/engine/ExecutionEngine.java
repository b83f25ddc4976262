package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.EmulatorClock;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.stepfunctions.TaskInvoker;
import com.dermrelay.local.stepfunctions.asl.StateMachineDefinition;
import com.dermrelay.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Runs executions: owns the clock, the executor, the task invoker and the task tokens. */
public final class ExecutionEngine {
  private final EmulatorClock clock;
  private final Executor executor;
  private final TaskInvoker invoker;
  private final String region;
  private final TaskTokens tokens = new TaskTokens();
  private final ExecutionStore store;

  /** {@code store} null keeps executions in memory only. */
  public ExecutionEngine(
      EmulatorClock clock,
      Executor executor,
      TaskInvoker invoker,
      String region,
      ExecutionStore store) {
    this.clock = clock;
    this.executor = executor;
    this.invoker = invoker;
    this.region = region;
    this.store = store;
  }

  /**
   * The persisted executions (none without a store), not yet running again: see {@link #resume}.
   */
  public List<Execution> loadPersisted(Function<String, StateMachineDefinition> parser) {
    return store == null ? List.of() : store.loadAll(parser);
  }

  /** Stops persisting (see {@link ExecutionStore#halt}). */
  public void haltPersistence() {
    if (store != null) {
      store.halt();
    }
  }

  /** Writes the execution's current state, when executions are persisted. */
  void persist(Execution execution) {
    if (store != null) {
      store.save(execution);
    }
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
    // Persisted before StartExecution answers, so an execution the caller was told about survives.
    execution.checkpoint(
        Checkpoint.entered(
            execution.definition().graph().startAt(), execution.input(), execution.startDate()));
    persist(execution);
    PathRunner root = rootRunner(execution);
    executor.execute(() -> root.start(execution.input()));
  }

  /**
   * Runs a persisted RUNNING execution again from its checkpoint: a task that was waiting on a
   * token waits on the same token (its deadline kept, its heartbeat counted from now); any other
   * state is entered again with the input it had, keeping its entry time (a Wait keeps its
   * deadline). An execution's own TimeoutSeconds still counts from its start.
   */
  public void resume(Execution execution) {
    Checkpoint checkpoint = execution.checkpoint();
    if (execution.status() != ExecutionStatus.RUNNING || checkpoint == null) {
      return;
    }
    PathRunner root = rootRunner(execution);
    if (checkpoint.token() != null && checkpoint.result() == null) {
      // Waiting on a token only registers it and its timers: done now, so a SendTaskSuccess
      // arriving right after the restart finds the token (on a pool it could come first).
      root.resume(checkpoint);
    } else {
      executor.execute(() -> root.resume(checkpoint));
    }
  }

  private PathRunner rootRunner(Execution execution) {
    Integer timeout = execution.definition().timeoutSeconds();
    PathRunner root =
        new PathRunner(
            this,
            execution,
            execution.definition().graph(),
            execution.scope(),
            rootListener(execution),
            execution.history().lastId(),
            true);
    if (timeout != null) {
      Duration left = Duration.between(clock.now(), execution.startDate().plusSeconds(timeout));
      root.schedule(left.isNegative() ? Duration.ZERO : left, () -> timeOut(execution, timeout));
    }
    return root;
  }

  /** StopExecution: false when the execution was not running. */
  public boolean stop(Execution execution, String error, String cause) {
    ObjectNode details = Exchanges.JSON.createObjectNode();
    putIfPresent(details, "error", error);
    putIfPresent(details, "cause", cause);
    return closed(
        execution,
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
    closed(
        execution,
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
        closed(
            execution,
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
        closed(
            execution,
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

  private boolean closed(
      Execution execution,
      ExecutionStatus status,
      Instant at,
      String output,
      String error,
      String cause,
      String eventType,
      String detailsField,
      ObjectNode details) {
    boolean closed =
        execution.close(status, at, output, error, cause, eventType, detailsField, details);
    if (closed) {
      persist(execution);
    }
    return closed;
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
