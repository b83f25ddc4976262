package com.dermrelay.core.tenancy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a clinic's plan allows (tenant configuration {@code plan}, docs/operations.md "Plans and
 * limits"): the API request rate and burst of its token bucket, the cases it may receive a month
 * and the photo storage it may hold. A clinic whose configuration names no plan is on {@link
 * #STANDARD}. The schema checks the values before they are stored (all positive integers).
 *
 * @param requestsPerSecond the bucket's refill rate
 * @param burst the bucket's size: requests that may arrive at once after a quiet spell
 * @param storageMb photo storage, MB of 10^6 bytes (as S3 bills)
 */
public record ClinicPlan(
    String tier, int requestsPerSecond, int burst, int casesPerMonth, long storageMb) {
  /** The plan of a clinic whose configuration names none. */
  public static final ClinicPlan STANDARD = new ClinicPlan("standard", 50, 500, 1000, 200_000);

  /** The clinic's plan: its configuration's {@code plan}, else {@link #STANDARD}. */
  static ClinicPlan of(JsonNode config) {
    JsonNode plan = config.path("plan");
    if (!plan.isObject()) {
      return STANDARD;
    }
    return new ClinicPlan(
        plan.path("tier").asText(STANDARD.tier()),
        plan.path("requestsPerSecond").asInt(STANDARD.requestsPerSecond()),
        plan.path("burst").asInt(STANDARD.burst()),
        plan.path("casesPerMonth").asInt(STANDARD.casesPerMonth()),
        plan.path("storageMb").asLong(STANDARD.storageMb()));
  }

  public long storageBytes() {
    return storageMb * 1_000_000L;
  }
}
