package com.dermrelay.review.workflow;

import com.dermrelay.triage.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Triage and Escalate hand the workflow (docs/workflow.md, a binding contract): the priority,
 * how long the review wait may last before the case escalates, and how long it may go untouched.
 *
 * @param timeoutSeconds seconds until the due time, at least 2 (so a heartbeat fits under it)
 * @param heartbeatSeconds half of it, at least 1 and always under {@code timeoutSeconds}: an
 *     untouched case reminds the clinic before it breaches
 */
public record SlaPlan(Priority priority, long timeoutSeconds, long heartbeatSeconds) {
  public SlaPlan {
    if (timeoutSeconds < 2 || heartbeatSeconds < 1 || heartbeatSeconds >= timeoutSeconds) {
      throw new IllegalArgumentException("heartbeat must be at least 1 s and under the timeout");
    }
  }

  /** The plan for a case of {@code priority} due at {@code dueAt}, seen at {@code now}. */
  public static SlaPlan until(Priority priority, Instant dueAt, Instant now) {
    long timeout = Math.max(2, Duration.between(now, dueAt).toSeconds());
    return new SlaPlan(priority, timeout, Math.max(1, timeout / 2));
  }

  /**
   * The plan after the clinic was reminded of an untouched case: the heartbeat only just under the
   * timeout, so the next event is the breach itself rather than ever more reminders.
   */
  public static SlaPlan remindedUntil(Priority priority, Instant dueAt, Instant now) {
    long timeout = Math.max(2, Duration.between(now, dueAt).toSeconds());
    return new SlaPlan(priority, timeout, timeout - 1);
  }

  /** The task's output, as Triage and Escalate return it. */
  public Map<String, Object> toOutput() {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("priority", priority.name());
    output.put("timeoutSeconds", timeoutSeconds);
    output.put("heartbeatSeconds", heartbeatSeconds);
    return output;
  }
}
