package com.dermrelay.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;

/**
 * The one time source and scheduler of the emulator: Wait states, Retry backoff, task timeouts and
 * heartbeats, and execution timeouts all go through it, so a {@link ManualClock} drives them all in
 * tests and {@link RealTimeClock} runs them in real time.
 */
public interface EmulatorClock {
  Instant now();

  /** Runs {@code action} once {@code delay} has passed; the action must not block. */
  Timer schedule(Duration delay, Runnable action);

  /** A scheduled action. */
  interface Timer {
    /** Cancels the action if it has not run; harmless afterwards. */
    void cancel();
  }
}
