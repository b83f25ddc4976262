package com.dermrelay.local.stepfunctions;

import java.time.Duration;

/**
 * A clock the local stack can move forward (never back): {@link ManualClock} in tests, which stands
 * still otherwise, and {@link ShiftableClock} on a started stack, which runs in real time. Moving
 * it runs every timer that falls due, so waits of days (follow-ups, SLAs, reminders) end as they
 * would have.
 */
public interface MovableClock extends EmulatorClock {
  /** Moves time forward by {@code duration}, running the timers that fall due. */
  void advance(Duration duration);

  /** How far it has been moved in all since it started. */
  Duration moved();
}
