package com.dermrelay.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The month's estimate is docs/cost-model.md's per-case model applied to the counters. */
class UsageCostsTest {

  @Test
  void aThousandCasesWithTwoPhotosAndAnAnswerEachAndTheirStorage() {
    UsageCounts month =
        new UsageCounts(
            Map.of(
                UsageKind.CASE_SUBMITTED.counter(), 1000L,
                UsageKind.PHOTO_STORED.counter(), 2000L,
                UsageKind.ANSWER_DELIVERED.counter(), 1000L));
    // 1,000 x $0.00033 + 2,000 x $0.0000154 + 1,000 x $0.0001 + 2 GB x $0.023.
    assertEquals(new BigDecimal("0.5068"), UsageCosts.estimate(month, 2_000_000_000L));
  }

  @Test
  void aQuietMonthCostsItsStorageOnly() {
    assertEquals(
        new BigDecimal("0.0230"), UsageCosts.estimate(new UsageCounts(Map.of()), 1_000_000_000L));
    assertEquals(new BigDecimal("0.0000"), UsageCosts.estimate(new UsageCounts(Map.of()), 0));
  }
}
