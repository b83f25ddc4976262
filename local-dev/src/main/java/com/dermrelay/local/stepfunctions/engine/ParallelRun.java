package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.asl.DataFlow;
import com.dermrelay.local.stepfunctions.asl.PayloadTemplate;
import com.dermrelay.local.stepfunctions.asl.State;
import com.dermrelay.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt of a Parallel state: every branch runs as its own path in a child scope; the outputs
 * are joined in branch order. The first failing branch stops the others and fails the Parallel with
 * its error, which the Parallel's Retry and Catch then see.
 */
final class ParallelRun {
  private final PathRunner runner;
  private final PathRunner.Visit visit;
  private final State.Parallel parallel;
  private final PathRunner.RetryCounter counter;
  private final ObjectNode context;
  private final Scope branchScope;
  private final JsonNode[] outputs;
  private final AtomicInteger remaining;
  private final AtomicBoolean done = new AtomicBoolean();

  private ParallelRun(
      PathRunner runner,
      PathRunner.Visit visit,
      State.Parallel parallel,
      PathRunner.RetryCounter counter,
      int retryCount) {
    this.runner = runner;
    this.visit = visit;
    this.parallel = parallel;
    this.counter = counter;
    this.context = runner.context(visit, retryCount, null);
    this.branchScope = runner.scope().child();
    this.outputs = new JsonNode[parallel.branches().size()];
    this.remaining = new AtomicInteger(outputs.length);
  }

  static StepOutcome start(
      PathRunner runner,
      PathRunner.Visit visit,
      State.Parallel parallel,
      PathRunner.RetryCounter counter,
      int retryCount) {
    JsonNode effective = DataFlow.select(visit.input(), parallel.inputPath(), "InputPath");
    ParallelRun run = new ParallelRun(runner, visit, parallel, counter, retryCount);
    JsonNode branchInput =
        parallel.parameters() == null
            ? effective
            : PayloadTemplate.apply(parallel.parameters(), effective, run.context);
    runner.event("ParallelStateStarted", null, null);
    for (int i = 0; i < parallel.branches().size(); i++) {
      PathRunner branch =
          runner.branch(parallel.branches().get(i), run.branchScope, run.listener(i));
      runner.engine().executor().execute(() -> branch.start(branchInput));
    }
    return StepOutcome.Suspended.INSTANCE;
  }

  private PathRunner.Listener listener(int index) {
    return new PathRunner.Listener() {
      @Override
      public void succeeded(JsonNode output) {
        outputs[index] = output;
        if (remaining.decrementAndGet() == 0 && done.compareAndSet(false, true)) {
          branchScope.cancel();
          runner.resume(ParallelRun.this::succeeded);
        }
      }

      @Override
      public void failed(StatesError error) {
        if (done.compareAndSet(false, true)) {
          branchScope.cancel(); // stops the other branches
          runner.resume(() -> ParallelRun.this.failed(error));
        }
      }
    };
  }

  private StepOutcome succeeded() {
    runner.event("ParallelStateSucceeded", null, null);
    ArrayNode result = Exchanges.JSON.createArrayNode();
    for (JsonNode output : outputs) {
      result.add(output);
    }
    JsonNode selected =
        parallel.resultSelector() == null
            ? result
            : PayloadTemplate.apply(parallel.resultSelector(), result, context);
    JsonNode merged;
    try {
      merged = parallel.resultPath().apply(visit.input(), selected);
    } catch (StatesError e) {
      return recover(e);
    }
    return runner.exitTo(
        parallel, parallel.next(), DataFlow.select(merged, parallel.outputPath(), "OutputPath"));
  }

  private StepOutcome failed(StatesError error) {
    runner.event("ParallelStateFailed", null, null);
    return recover(error);
  }

  private StepOutcome recover(StatesError error) {
    return runner.recover(
        visit,
        parallel.retry(),
        parallel.catchers(),
        error,
        counter,
        retry -> start(runner, visit, parallel, counter, retry));
  }
}
