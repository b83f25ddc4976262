package com.dermrelay.fhir.delivery;

import java.util.List;

/**
 * The delivery of one answered round of a case to the clinic's EHR, as stored beside the case
 * ({@code EHR#<round>}).
 *
 * @param status {@code PENDING} (started, not yet accepted), {@code DELIVERED} or {@code FAILED}
 *     (the workflow gave up or a "send again" failed; the console lists it)
 * @param lastReason why the last attempt failed, for the clinic admin; null after a success
 * @param locations where the EHR stored each entry of the last accepted Bundle
 */
public record EhrDelivery(
    String caseId,
    int round,
    String status,
    int attempts,
    String lastAttemptAt,
    String lastReason,
    String deliveredAt,
    List<String> locations) {
  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";

  public EhrDelivery {
    locations = locations == null ? List.of() : List.copyOf(locations);
  }

  static EhrDelivery pending(String caseId, int round) {
    return new EhrDelivery(caseId, round, PENDING, 0, null, null, null, List.of());
  }

  EhrDelivery attempted(String at, String reason) {
    return new EhrDelivery(caseId, round, status, attempts + 1, at, reason, deliveredAt, locations);
  }

  EhrDelivery delivered(String at, List<String> where) {
    return new EhrDelivery(caseId, round, DELIVERED, attempts + 1, at, null, at, where);
  }

  EhrDelivery failed(String reason) {
    return new EhrDelivery(
        caseId,
        round,
        FAILED,
        attempts,
        lastAttemptAt,
        reason == null ? lastReason : reason,
        deliveredAt,
        locations);
  }

  public boolean isDelivered() {
    return DELIVERED.equals(status);
  }
}
