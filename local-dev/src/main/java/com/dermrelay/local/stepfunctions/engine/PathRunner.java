package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.EmulatorClock;
import com.dermrelay.local.stepfunctions.asl.ChoiceEvaluator;
import com.dermrelay.local.stepfunctions.asl.ChoiceRule;
import com.dermrelay.local.stepfunctions.asl.DataFlow;
import com.dermrelay.local.stepfunctions.asl.ErrorNames;
import com.dermrelay.local.stepfunctions.asl.JsonPaths;
import com.dermrelay.local.stepfunctions.asl.PayloadTemplate;
import com.dermrelay.local.stepfunctions.asl.State;
import com.dermrelay.local.stepfunctions.asl.StateGraph;
import com.dermrelay.local.stepfunctions.asl.StatesError;
import com.dermrelay.local.stepfunctions.asl.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread of control through a graph: the whole execution, or one Parallel branch. States run in
 * a loop until the path ends or waits; a timer, a task token or the branches later resume it on the
 * engine's executor. Pass, Choice, Wait, Succeed and Fail are here; Task and Parallel have their
 * own classes; Retry and Catch, shared by both, are in {@link #recover}.
 */
final class PathRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PathRunner.class);

  /** Told how the path ended. */
  interface Listener {
    void succeeded(JsonNode output);

    void failed(StatesError error);
  }

  /**
   * A state being run: its raw input, when it was entered, and the checkpoint its entry wrote (null
   * on a Parallel's branches, which are not checkpointed: a restart re-enters the Parallel).
   */
  record Visit(State state, JsonNode input, Instant entered, Checkpoint checkpoint) {}

  /** Attempts used per retrier, and in total (the context's RetryCount), for one visit. */
  static final class RetryCounter {
    final int[] perRetrier;
    int total;

    RetryCounter(int retriers) {
      perRetrier = new int[retriers];
    }
  }

  /** Re-runs a Task or Parallel for a retry; given the new RetryCount. */
  interface Reattempt {
    StepOutcome run(int retryCount);
  }

  private final ExecutionEngine engine;
  private final Execution execution;
  private final StateGraph graph;
  private final Scope scope;
  private final Listener listener;
  private final AtomicLong lastEventId;
  private final boolean topLevel;

  PathRunner(
      ExecutionEngine engine,
      Execution execution,
      StateGraph graph,
      Scope scope,
      Listener listener,
      long previousEventId,
      boolean topLevel) {
    this.topLevel = topLevel;
    this.engine = engine;
    this.execution = execution;
    this.graph = graph;
    this.scope = scope;
    this.listener = listener;
    this.lastEventId = new AtomicLong(previousEventId);
  }

  ExecutionEngine engine() {
    return engine;
  }

  Execution execution() {
    return execution;
  }

  Scope scope() {
    return scope;
  }

  /** A runner for a Parallel branch whose events follow this path's last one. */
  PathRunner branch(StateGraph branch, Scope branchScope, Listener branchListener) {
    return new PathRunner(
        engine, execution, branch, branchScope, branchListener, lastEventId.get(), false);
  }

  void start(JsonNode input) {
    run(new StepOutcome.Goto(graph.startAt(), input));
  }

  /** Goes on from a persisted checkpoint (see {@link ExecutionEngine#resume}). */
  void resume(Checkpoint checkpoint) {
    State state = graph.state(checkpoint.state());
    if (checkpoint.token() != null && state instanceof State.Task task) {
      Visit visit = new Visit(state, checkpoint.input(), checkpoint.entered(), checkpoint);
      TaskAttempt attempt =
          new TaskAttempt(this, visit, task, new RetryCounter(task.retry().size()), 0);
      run(
          guard(
              () ->
                  checkpoint.result() != null
                      ? attempt.completeWith(checkpoint.token(), checkpoint.result())
                      : attempt.rejoin(checkpoint.token(), checkpoint.deadline())));
      return;
    }
    run(guard(() -> enter(state, checkpoint.input(), checkpoint.entered())));
  }

  private void run(StepOutcome first) {
    StepOutcome outcome = first;
    while (outcome instanceof StepOutcome.Goto go) {
      if (!scope.isActive()) {
        return;
      }
      State state = graph.state(go.next());
      JsonNode input = go.output();
      outcome = guard(() -> enter(state, input, engine.now()));
    }
    if (!scope.isActive()) {
      return;
    }
    if (outcome instanceof StepOutcome.Finish finish) {
      listener.succeeded(finish.output());
    } else if (outcome instanceof StepOutcome.Failure failure) {
      listener.failed(failure.error());
    }
  }

  /** Continues this path on the executor with the outcome {@code step} computes there. */
  void resume(Supplier<StepOutcome> step) {
    engine
        .executor()
        .execute(
            () -> {
              if (scope.isActive()) {
                run(guard(step));
              }
            });
  }

  private StepOutcome guard(Supplier<StepOutcome> step) {
    try {
      return step.get();
    } catch (StatesError e) {
      return new StepOutcome.Failure(e);
    } catch (RuntimeException e) {
      LOG.error("internal error in execution {}", execution.arn(), e);
      return new StepOutcome.Failure(
          StatesError.runtime("Internal error of the local Step Functions emulator: " + e));
    }
  }

  /** Schedules {@code action} in this path's scope; the returned timer also forgets the hook. */
  EmulatorClock.Timer schedule(Duration delay, Runnable action) {
    AtomicReference<Runnable> hook = new AtomicReference<>();
    EmulatorClock.Timer timer =
        engine
            .clock()
            .schedule(
                delay,
                () -> {
                  Runnable registered = hook.get();
                  if (registered != null) {
                    scope.forget(registered);
                  }
                  if (scope.isActive()) {
                    action.run();
                  }
                });
    Runnable cancel = timer::cancel;
    hook.set(cancel);
    scope.onCancel(cancel);
    return () -> {
      timer.cancel();
      scope.forget(cancel);
    };
  }

  /** Appends an event chained to this path's previous one; nothing once the path is cancelled. */
  void event(String type, String detailsField, ObjectNode details) {
    if (!scope.isActive()) {
      return;
    }
    long id =
        execution.history().append(type, lastEventId.get(), engine.now(), detailsField, details);
    lastEventId.set(id);
  }

  private StepOutcome enter(State state, JsonNode input, Instant entered) {
    Checkpoint checkpoint = null;
    if (topLevel && scope.isActive()) {
      checkpoint = Checkpoint.entered(state.name(), input, entered);
      execution.checkpoint(checkpoint);
      engine.persist(execution);
    }
    Visit visit = new Visit(state, input, entered, checkpoint);
    ObjectNode details = Exchanges.JSON.createObjectNode();
    details.put("name", state.name());
    details.put("input", input.toString());
    details.putObject("inputDetails").put("truncated", false);
    event(state.type() + "StateEntered", "stateEnteredEventDetails", details);
    if (state instanceof State.Pass pass) {
      return pass(visit, pass);
    }
    if (state instanceof State.Task task) {
      return new TaskAttempt(this, visit, task, new RetryCounter(task.retry().size()), 0).start();
    }
    if (state instanceof State.Choice choice) {
      return choice(visit, choice);
    }
    if (state instanceof State.Wait wait) {
      return waitState(visit, wait);
    }
    if (state instanceof State.Parallel parallel) {
      return ParallelRun.start(this, visit, parallel, new RetryCounter(parallel.retry().size()), 0);
    }
    if (state instanceof State.Succeed succeed) {
      JsonNode output =
          DataFlow.select(
              DataFlow.select(input, succeed.inputPath(), "InputPath"),
              succeed.outputPath(),
              "OutputPath");
      exited(state, output);
      return new StepOutcome.Finish(output);
    }
    return fail(visit, (State.Fail) state);
  }

  ObjectNode context(Visit visit, int retryCount, String token) {
    return ContextObject.of(execution, visit.state().name(), visit.entered(), retryCount, token);
  }

  private StepOutcome pass(Visit visit, State.Pass pass) {
    JsonNode effective = DataFlow.select(visit.input(), pass.inputPath(), "InputPath");
    JsonNode result;
    if (pass.result() != null) {
      result = pass.result();
    } else if (pass.parameters() != null) {
      result = PayloadTemplate.apply(pass.parameters(), effective, context(visit, 0, null));
    } else {
      result = effective;
    }
    JsonNode output =
        DataFlow.select(
            pass.resultPath().apply(visit.input(), result), pass.outputPath(), "OutputPath");
    return exitTo(pass, pass.next(), output);
  }

  private StepOutcome choice(Visit visit, State.Choice choice) {
    JsonNode effective = DataFlow.select(visit.input(), choice.inputPath(), "InputPath");
    ObjectNode context = context(visit, 0, null);
    String next = choice.defaultNext();
    for (ChoiceRule.Branch branch : choice.choices()) {
      if (ChoiceEvaluator.matches(branch.rule(), effective, context)) {
        next = branch.next();
        break;
      }
    }
    if (next == null) {
      return new StepOutcome.Failure(StatesError.of(ErrorNames.NO_CHOICE_MATCHED, "No Matches!"));
    }
    JsonNode output = DataFlow.select(effective, choice.outputPath(), "OutputPath");
    return exitTo(choice, next, output);
  }

  private StepOutcome waitState(Visit visit, State.Wait wait) {
    JsonNode effective = DataFlow.select(visit.input(), wait.inputPath(), "InputPath");
    Instant now = engine.now();
    Instant until;
    if (wait.seconds() != null) {
      until = visit.entered().plusSeconds(wait.seconds());
    } else if (wait.timestamp() != null) {
      until = wait.timestamp();
    } else if (wait.secondsPath() != null) {
      JsonNode seconds = JsonPaths.require(effective, wait.secondsPath(), "SecondsPath");
      if (!seconds.isIntegralNumber() || seconds.longValue() < 0) {
        throw StatesError.runtime(
            "The SecondsPath '"
                + wait.secondsPath()
                + "' must select a non-negative integer, got "
                + seconds);
      }
      until = visit.entered().plusSeconds(seconds.longValue());
    } else {
      JsonNode stamp = JsonPaths.require(effective, wait.timestampPath(), "TimestampPath");
      until =
          (stamp.isTextual()
                  ? Timestamps.parse(stamp.textValue())
                  : java.util.Optional.<Instant>empty())
              .orElseThrow(
                  () ->
                      StatesError.runtime(
                          "The TimestampPath '"
                              + wait.timestampPath()
                              + "' must select an RFC 3339 timestamp, got "
                              + stamp));
    }
    JsonNode output = DataFlow.select(effective, wait.outputPath(), "OutputPath");
    if (!until.isAfter(now)) {
      return exitTo(wait, wait.next(), output);
    }
    schedule(Duration.between(now, until), () -> resume(() -> exitTo(wait, wait.next(), output)));
    return StepOutcome.Suspended.INSTANCE;
  }

  private StepOutcome fail(Visit visit, State.Fail fail) {
    ObjectNode context = context(visit, 0, null);
    String error =
        fail.errorPath() == null
            ? fail.error()
            : text(fail.errorPath(), "ErrorPath", visit.input(), context);
    String cause =
        fail.causePath() == null
            ? fail.cause()
            : text(fail.causePath(), "CausePath", visit.input(), context);
    return new StepOutcome.Failure(StatesError.of(error, cause));
  }

  private static String text(String expression, String field, JsonNode input, JsonNode context) {
    JsonNode value = PayloadTemplate.evaluate(expression, field, input, context);
    if (!value.isTextual()) {
      throw StatesError.runtime(
          "The " + field + " '" + expression + "' must select a string, got " + value);
    }
    return value.textValue();
  }

  void exited(State state, JsonNode output) {
    ObjectNode details = Exchanges.JSON.createObjectNode();
    details.put("name", state.name());
    details.put("output", output.toString());
    details.putObject("outputDetails").put("truncated", false);
    event(state.type() + "StateExited", "stateExitedEventDetails", details);
  }

  /** Records the exit and moves on: to {@code next}, or the end of the path when it is null. */
  StepOutcome exitTo(State state, String next, JsonNode output) {
    exited(state, output);
    return next == null ? new StepOutcome.Finish(output) : new StepOutcome.Goto(next, output);
  }

  /**
   * Retry then Catch for a failed Task or Parallel: the first retrier whose ErrorEquals matches
   * decides (retry if it has attempts left, after IntervalSeconds x BackoffRate^n capped at
   * MaxDelaySeconds); otherwise the first matching catcher; otherwise the path fails.
   */
  StepOutcome recover(
      Visit visit,
      java.util.List<State.Retrier> retriers,
      java.util.List<State.Catcher> catchers,
      StatesError error,
      RetryCounter counter,
      Reattempt reattempt) {
    if (error.terminal()) {
      return new StepOutcome.Failure(error);
    }
    for (int i = 0; i < retriers.size(); i++) {
      State.Retrier retrier = retriers.get(i);
      if (!ErrorNames.matches(retrier.errorEquals(), error)) {
        continue;
      }
      if (counter.perRetrier[i] < retrier.maxAttempts()) {
        double seconds =
            retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), counter.perRetrier[i]);
        if (retrier.maxDelaySeconds() != null) {
          seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        counter.perRetrier[i]++;
        int retryCount = ++counter.total;
        schedule(
            Duration.ofMillis(Math.round(seconds * 1000)),
            () -> resume(() -> reattempt.run(retryCount)));
        return StepOutcome.Suspended.INSTANCE;
      }
      break; // the first matching retrier is exhausted: go to the catchers
    }
    for (State.Catcher catcher : catchers) {
      if (ErrorNames.matches(catcher.errorEquals(), error)) {
        ObjectNode errorOutput = Exchanges.JSON.createObjectNode();
        errorOutput.put("Error", error.error());
        if (error.cause() != null) {
          errorOutput.put("Cause", error.cause());
        }
        JsonNode output = catcher.resultPath().apply(visit.input(), errorOutput);
        return exitTo(visit.state(), catcher.next(), output);
      }
    }
    return new StepOutcome.Failure(error);
  }
}
