package com.dermrelay.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clock that moves only when a test says so. {@link #advance(Duration)} runs every timer that
 * falls due, in due order, on the calling thread, with {@link #now()} set to each timer's due time;
 * timers scheduled meanwhile that fall due before the target run too. Every requested delay is
 * recorded, so tests can assert backoff intervals.
 */
public final class ManualClock implements MovableClock {
  private static final Logger LOG = LoggerFactory.getLogger(ManualClock.class);

  /** A fixed default start keeps histories and context objects reproducible. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final Object advancing = new Object();
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final List<Duration> requestedDelays = new ArrayList<>();
  private final Instant start;
  private Instant now;
  private long sequence;

  public ManualClock() {
    this(DEFAULT_START);
  }

  public ManualClock(Instant start) {
    this.start = start;
    this.now = start;
  }

  /** It moves only when told to: the time between its start and now. */
  @Override
  public synchronized Duration moved() {
    return Duration.between(start, now);
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Timer schedule(Duration delay, Runnable action) {
    if (delay.isNegative()) {
      delay = Duration.ZERO;
    }
    requestedDelays.add(delay);
    Entry entry = new Entry(now.plus(delay), sequence++, action);
    queue.add(entry);
    return () -> {
      synchronized (ManualClock.this) {
        queue.remove(entry);
      }
    };
  }

  /** Moves time forward by {@code duration}, running the timers that fall due. */
  @Override
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time cannot go backwards: " + duration);
    }
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    advanceTo(target);
  }

  /** Moves time to {@code target} (never backwards), running the timers that fall due. */
  public void advanceTo(Instant target) {
    synchronized (advancing) {
      while (true) {
        Entry due;
        synchronized (this) {
          due = queue.peek();
          if (due == null || due.at.isAfter(target)) {
            if (now.isBefore(target)) {
              now = target;
            }
            return;
          }
          queue.poll();
          if (now.isBefore(due.at)) {
            now = due.at;
          }
        }
        run(due);
      }
    }
  }

  /** Jumps to the earliest pending timer and runs it (and any due at the same instant). */
  public boolean advanceToNextTimer() {
    Optional<Instant> next = nextDue();
    next.ifPresent(this::advanceTo);
    return next.isPresent();
  }

  public synchronized Optional<Instant> nextDue() {
    Entry first = queue.peek();
    return first == null ? Optional.empty() : Optional.of(first.at);
  }

  public synchronized int pendingTimers() {
    return queue.size();
  }

  /** Every delay ever passed to {@link #schedule}, in order. */
  public synchronized List<Duration> scheduledDelays() {
    return List.copyOf(requestedDelays);
  }

  private static void run(Entry entry) {
    try {
      entry.action.run();
    } catch (RuntimeException e) {
      // A timer action is engine code; a failure there is a bug worth seeing, not hiding.
      LOG.error("timer action failed", e);
      throw e;
    }
  }

  private static final class Entry implements Comparable<Entry> {
    final Instant at;
    final long order;
    final Runnable action;

    Entry(Instant at, long order, Runnable action) {
      this.at = at;
      this.order = order;
      this.action = action;
    }

    @Override
    public int compareTo(Entry other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
