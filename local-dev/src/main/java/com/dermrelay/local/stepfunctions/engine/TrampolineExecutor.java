package com.dermrelay.local.stepfunctions.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on the calling thread. A task submitted while another runs on the same thread is
 * queued and run right after it, so the stack stays flat and a call such as StartExecution,
 * SendTaskSuccess or ManualClock.advance returns only once the work it caused is done. This is what
 * makes executions deterministic under a {@link com.dermrelay.local.stepfunctions.ManualClock}.
 */
public final class TrampolineExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(TrampolineExecutor.class);

  private final ThreadLocal<Deque<Runnable>> pending = new ThreadLocal<>();

  @Override
  public void execute(Runnable task) {
    Deque<Runnable> queue = pending.get();
    if (queue != null) {
      queue.add(task);
      return;
    }
    queue = new ArrayDeque<>();
    pending.set(queue);
    try {
      for (Runnable next = task; next != null; next = queue.poll()) {
        try {
          next.run();
        } catch (RuntimeException e) {
          // Engine tasks handle their own failures; reaching here is a bug, so log it loudly.
          LOG.error("step functions task failed", e);
        }
      }
    } finally {
      pending.remove();
    }
  }
}
