package com.dermrelay.metering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

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
    StaticImmutableTableSchema.Builder<UsageCounts, Builder> schema =
        StaticImmutableTableSchema.builder(UsageCounts.class, Builder.class)
            .newItemBuilder(Builder::new, b -> new UsageCounts(Map.copyOf(b.counts)));
    for (String name : NAMES) {
      schema.addAttribute(
          Long.class,
          a ->
              a.name(name)
                  .getter(c -> c.counts.get(name))
                  .setter(
                      (b, v) -> {
                        if (v != null) {
                          b.counts.put(name, v);
                        }
                      }));
    }
    return schema.build();
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

  private static final class Builder {
    final Map<String, Long> counts = new HashMap<>();
  }
}
