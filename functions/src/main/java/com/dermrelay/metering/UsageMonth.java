package com.dermrelay.metering;

import java.math.BigDecimal;

/**
 * One month of a clinic's usage as the API (and the console's CSV) shows it: each kind's count, the
 * bytes stored that month, the photo bytes held at its end and the estimated cost.
 *
 * @param month {@code yyyy-MM}, UTC
 * @param heldBytes photo bytes stored since metering began up to the month's end (deletions are not
 *     subtracted)
 */
public record UsageMonth(
    String month,
    long casesSubmitted,
    long photosStored,
    long photosStoredBytes,
    long answersDelivered,
    long ehrDeliveries,
    long secondReads,
    long researchExports,
    long researchExportsBytes,
    long heldBytes,
    BigDecimal estimatedCostUsd) {

  static UsageMonth of(String month, UsageCounts counts, long heldBytes) {
    return new UsageMonth(
        month,
        counts.get(UsageKind.CASE_SUBMITTED.counter()),
        counts.get(UsageKind.PHOTO_STORED.counter()),
        counts.get(UsageKind.PHOTO_STORED.bytesCounter()),
        counts.get(UsageKind.ANSWER_DELIVERED.counter()),
        counts.get(UsageKind.EHR_DELIVERY.counter()),
        counts.get(UsageKind.SECOND_READ.counter()),
        counts.get(UsageKind.RESEARCH_EXPORT.counter()),
        counts.get(UsageKind.RESEARCH_EXPORT.bytesCounter()),
        heldBytes,
        UsageCosts.estimate(counts, heldBytes));
  }
}
