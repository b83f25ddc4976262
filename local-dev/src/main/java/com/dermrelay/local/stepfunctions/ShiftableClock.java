package com.dermrelay.local.stepfunctions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real time plus an offset that only grows: the clock of a started local stack, so a developer can
 * move the whole stack days ahead ({@code /_local/clock}) and watch a follow-up come due. Timers
 * are kept by the instant they fall due on this clock; one wake-up is scheduled on the system clock
 * for the earliest, and moving forward runs at once every timer now due, in order. Timer actions
 * only hand work to the engine, as with {@link RealTimeClock}.
 */
public final class ShiftableClock implements MovableClock, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShiftableClock.class);

  private final Clock system;
  private final ScheduledThreadPoolExecutor scheduler;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private Duration offset = Duration.ZERO;
  private ScheduledFuture<?> wakeUp;
  private long sequence;

  public ShiftableClock() {
    this(Clock.systemUTC());
  }

  ShiftableClock(Clock system) {
    this.system = system;
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "local-clock-timers");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
  }

  @Override
  public synchronized Instant now() {
    return system.instant().plus(offset);
  }

  /** How far ahead of real time the clock is. */
  public synchronized Duration offset() {
    return offset;
  }

  @Override
  public Duration moved() {
    return offset();
  }

  @Override
  public synchronized Timer schedule(Duration delay, Runnable action) {
    Entry entry =
        new Entry(now().plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, action);
    queue.add(entry);
    planWakeUp();
    return () -> {
      synchronized (ShiftableClock.this) {
        queue.remove(entry);
        planWakeUp();
      }
    };
  }

  @Override
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time cannot go backwards: " + duration);
    }
    synchronized (this) {
      offset = offset.plus(duration);
    }
    runDue();
  }

  /**
   * Runs every timer due by now, earliest first, outside the lock (an action may schedule more).
   */
  private void runDue() {
    while (true) {
      Entry due;
      synchronized (this) {
        due = queue.peek();
        if (due == null || due.at.isAfter(now())) {
          planWakeUp();
          return;
        }
        queue.poll();
      }
      try {
        due.action.run();
      } catch (RuntimeException e) {
        LOG.error("timer action failed", e);
      }
    }
  }

  private void planWakeUp() {
    if (wakeUp != null) {
      wakeUp.cancel(false);
      wakeUp = null;
    }
    Entry first = queue.peek();
    if (first != null && !scheduler.isShutdown()) {
      long nanos = Math.max(0, Duration.between(now(), first.at).toNanos());
      wakeUp = scheduler.schedule(this::runDue, nanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private record Entry(Instant at, long order, Runnable action) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
