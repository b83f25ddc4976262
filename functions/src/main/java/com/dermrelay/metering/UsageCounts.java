package com.dermrelay.metering;

import com.dermrelay.core.data.CounterItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A counter item of the clinic's {@code TENANT#<id>#USAGE} partition: a month ({@code
 * MONTH#<yyyy-MM>}, each kind's count and bytes) or the running total ({@code TOTAL}, the photo
 * bytes stored). Only ever written by atomic {@code ADD}s; a counter never bumped is absent (0).
 */
record UsageCounts(Map<String, Long> counts) {
  static final String STORED_BYTES = "storedBytes";

  /** Every counter the items can hold: each kind's count and bytes, and the stored bytes. */
  static final List<String> NAMES = names();

  long get(String name) {
    Long value = counts.get(name);
    return value == null ? 0 : value;
  }

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<UsageCounts> SCHEMA = schema();

  private static TableSchema<UsageCounts> schema() {
    return CounterItems.schema(UsageCounts.class, NAMES, UsageCounts::new, UsageCounts::counts);
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (UsageKind kind : UsageKind.values()) {
      names.add(kind.counter());
      names.add(kind.bytesCounter());
    }
    names.add(STORED_BYTES);
    return List.copyOf(names);
  }
}
