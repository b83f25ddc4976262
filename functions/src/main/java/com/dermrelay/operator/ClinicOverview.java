package com.dermrelay.operator;

import com.dermrelay.core.tenancy.ClinicPlan;
import com.dermrelay.metering.UsageMonth;

/**
 * One clinic as the operator console lists it: who it is, whether it is open, its plan, this
 * month's usage and its review queue. Counts only: no patient, case or content.
 *
 * @param status {@code active}, {@code suspended} (by the operator) or {@code closed} (its admin
 *     closed it to new patients and cases)
 * @param storedBytes the photo bytes it holds now, as metered
 * @param queue its review queue now, or what of it one bounded read could count
 */
public record ClinicOverview(
    String tenantId,
    String displayName,
    String slug,
    String status,
    ClinicPlan plan,
    UsageMonth usage,
    long storedBytes,
    ReviewQueue queue) {

  /**
   * The cases waiting for a dermatologist's answer (claimed or not) and those of them past their
   * due time (an SLA breach that is still open).
   *
   * @param complete false when the queue held more than one read counts: the figures are then "at
   *     least"
   */
  public record ReviewQueue(int waiting, int overdue, boolean complete) {}

  static String status(com.dermrelay.core.tenancy.TenantRecord clinic) {
    if (clinic.suspended()) {
      return "suspended";
    }
    return clinic.acceptingNewPatients() ? "active" : "closed";
  }
}
