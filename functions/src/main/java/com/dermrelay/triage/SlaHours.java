package com.dermrelay.triage;

import java.time.Duration;
import java.time.Instant;

/**
 * A clinic's promised hours from submission to answer, per priority ({@code slaHours} in its
 * configuration).
 */
public record SlaHours(int urgent, int soon, int routine) {
  public SlaHours {
    if (urgent < 1 || soon < 1 || routine < 1) {
      throw new IllegalArgumentException("SLA hours must be at least 1");
    }
    if (urgent > soon || soon > routine) {
      // A clinic promising routine cases faster than urgent ones has a typo, not a policy.
      throw new IllegalArgumentException(
          "SLA hours must not decrease with urgency: URGENT <= SOON <= ROUTINE");
    }
  }

  public Duration forPriority(Priority priority) {
    int hours =
        switch (priority) {
          case URGENT -> urgent;
          case SOON -> soon;
          case ROUTINE -> routine;
        };
    return Duration.ofHours(hours);
  }

  /** When a case of this priority, submitted at {@code submittedAt}, must be answered. */
  public Instant dueAt(Priority priority, Instant submittedAt) {
    return submittedAt.plus(forPriority(priority));
  }
}
