package com.dermrelay.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code GET /health} answers: the deployed version and whether each backing service answered.
 * Service names and "up"/"down" only: no error text reaches the caller.
 */
public record HealthReport(String status, String version, Map<String, String> checks) {
  public static final String UP = "up";
  public static final String DOWN = "down";

  public static HealthReport of(String version, Map<String, String> checks) {
    boolean healthy = checks.values().stream().allMatch(UP::equals);
    // Keeps the order the checks ran in, so the answer reads the same every time.
    return new HealthReport(
        healthy ? "ok" : "degraded",
        version,
        Collections.unmodifiableMap(new LinkedHashMap<>(checks)));
  }

  public boolean healthy() {
    return "ok".equals(status);
  }
}
