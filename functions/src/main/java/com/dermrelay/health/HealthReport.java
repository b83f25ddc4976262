package com.dermrelay.health;

import java.util.Map;

/**
 * What {@code GET /health} answers: the deployed version and whether each backing service
 * answered. Service names and "up"/"down" only: no error text reaches the caller.
 */
public record HealthReport(String status, String version, Map<String, String> checks) {
  public static final String UP = "up";
  public static final String DOWN = "down";

  public static HealthReport of(String version, Map<String, String> checks) {
    boolean healthy = checks.values().stream().allMatch(UP::equals);
    return new HealthReport(healthy ? "ok" : "degraded", version, Map.copyOf(checks));
  }

  public boolean healthy() {
    return "ok".equals(status);
  }
}
