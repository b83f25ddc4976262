package com.dermrelay.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The system clock with a one-thread scheduler; timer actions only hand work to the engine. */
public final class RealTimeClock implements EmulatorClock, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RealTimeClock.class);

  private final ScheduledThreadPoolExecutor scheduler;

  public RealTimeClock() {
    scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "sfn-timers");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public Timer schedule(Duration delay, Runnable action) {
    ScheduledFuture<?> future =
        scheduler.schedule(
            () -> {
              try {
                action.run();
              } catch (RuntimeException e) {
                LOG.error("timer action failed", e);
              }
            },
            Math.max(0, delay.toNanos()),
            TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
