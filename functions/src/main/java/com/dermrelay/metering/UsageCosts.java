package com.dermrelay.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The estimated infrastructure cost of a clinic's month: docs/cost-model.md's per-case model
 * (us-east-1 list prices of 2026-11-27) applied to the month's counters. An estimate for the
 * operator's margins, not an invoice: what the meter does not see (Cognito's monthly active users,
 * SMS, a region's fixed costs) is left out; docs/operations.md lists what is in and out.
 */
final class UsageCosts {
  /**
   * Compute, workflow and database of one case's common path, its two photo checks and answer
   * included (cost-model.md, "Result", measured by CaseCostIT).
   */
  static final BigDecimal PER_CASE = new BigDecimal("0.00033");

  /** A stored photo's S3 requests: upload, clean copy and thumbnail PUTs, the check's GET. */
  static final BigDecimal PER_PHOTO = new BigDecimal("0.0000154");

  /** The answer's e-mail through SES ($0.10 per 1,000). */
  static final BigDecimal PER_ANSWER = new BigDecimal("0.0001");

  /** An EHR delivery: its workflow's transitions and task (assumed, not measured). */
  static final BigDecimal PER_EHR_DELIVERY = new BigDecimal("0.0001");

  /** A second read: the second reader's calls and writes (assumed like a case's review share). */
  static final BigDecimal PER_SECOND_READ = new BigDecimal("0.00015");

  /** A research export: its workflow and the archive's requests (assumed, not measured). */
  static final BigDecimal PER_RESEARCH_EXPORT = new BigDecimal("0.001");

  /** S3 Standard per GB-month (10^9 bytes). */
  static final BigDecimal PER_GB_MONTH = new BigDecimal("0.023");

  private static final BigDecimal GB = new BigDecimal(1_000_000_000L);

  private UsageCosts() {}

  /**
   * The month's estimate in US dollars, to a hundredth of a cent.
   *
   * @param heldBytes the photo bytes held at the month's end, charged as one month of storage
   */
  static BigDecimal estimate(UsageCounts month, long heldBytes) {
    BigDecimal total =
        PER_CASE
            .multiply(count(month, UsageKind.CASE_SUBMITTED))
            .add(PER_PHOTO.multiply(count(month, UsageKind.PHOTO_STORED)))
            .add(PER_ANSWER.multiply(count(month, UsageKind.ANSWER_DELIVERED)))
            .add(PER_EHR_DELIVERY.multiply(count(month, UsageKind.EHR_DELIVERY)))
            .add(PER_SECOND_READ.multiply(count(month, UsageKind.SECOND_READ)))
            .add(PER_RESEARCH_EXPORT.multiply(count(month, UsageKind.RESEARCH_EXPORT)))
            .add(
                PER_GB_MONTH
                    .multiply(new BigDecimal(Math.max(0, heldBytes)))
                    .divide(GB, 10, RoundingMode.HALF_UP));
    return total.setScale(4, RoundingMode.HALF_UP);
  }

  private static BigDecimal count(UsageCounts month, UsageKind kind) {
    return new BigDecimal(month.get(kind.counter()));
  }
}
