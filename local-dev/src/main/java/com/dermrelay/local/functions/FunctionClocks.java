package com.dermrelay.local.functions;

import com.dermrelay.local.stepfunctions.EmulatorClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clock the in-process functions read, shared with the Step Functions interpreter: with a
 * {@code ManualClock} the test drives, SLA due times the functions compute and the timeouts the
 * interpreter fires are on one time line. The functions module cannot see local-dev's types, so the
 * stack names the clock in the functions' environment ({@link #ENVIRONMENT}, value {@code <this
 * class>:<id>}) and the functions look it up by reflection through {@link #clock(String)}; on
 * Lambda the variable is absent and they use the system clock.
 */
public final class FunctionClocks {
  /** The environment variable the functions' wiring reads. */
  public static final String ENVIRONMENT = "DERMRELAY_CLOCK";

  private static final Map<String, Clock> CLOCKS = new ConcurrentHashMap<>();

  private FunctionClocks() {}

  /** Registers {@code emulatorClock}; returns the environment value that names it. */
  public static String register(EmulatorClock emulatorClock) {
    String id = UUID.randomUUID().toString();
    CLOCKS.put(id, new Shared(emulatorClock));
    return FunctionClocks.class.getName() + ":" + id;
  }

  /** The registered clock {@code id} (called by the functions' wiring, by reflection). */
  public static Clock clock(String id) {
    Clock clock = CLOCKS.get(id);
    if (clock == null) {
      throw new IllegalArgumentException("no local clock " + id);
    }
    return clock;
  }

  /** The clock an environment value of {@link #register} names. */
  public static Clock named(String environmentValue) {
    return clock(environmentValue.substring(environmentValue.indexOf(':') + 1));
  }

  /** Drops the clock of a stopped stack. */
  public static void unregister(String environmentValue) {
    CLOCKS.remove(environmentValue.substring(environmentValue.indexOf(':') + 1));
  }

  /**
   * The emulator's time as a {@link Clock}. A driven clock stands still between advances, so each
   * reading is at least a millisecond after the previous one: items ordered by their time (a
   * patient's cases, audit records) keep the order they were made in. The lead this builds up is a
   * millisecond per reading at one instant, far below any SLA or lease.
   */
  static final class Shared extends Clock {
    private final EmulatorClock clock;
    private Instant last = Instant.EPOCH;

    Shared(EmulatorClock clock) {
      this.clock = clock;
    }

    @Override
    public synchronized Instant instant() {
      Instant now = clock.now();
      last = now.isAfter(last) ? now : last.plusMillis(1);
      return last;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      Shared utc = this;
      return new Clock() {
        @Override
        public Instant instant() {
          return utc.instant();
        }

        @Override
        public ZoneId getZone() {
          return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
          return utc.withZone(other);
        }
      };
    }
  }
}
