package com.dermrelay.core.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The schema of an item of named counters: each a number attribute that only atomic {@code ADD}s
 * write ({@link TenantTable#add}), read into a map where a counter never bumped is absent. Usage
 * metering and the quality figures keep their month items this way; each names its counters.
 */
public final class CounterItems {
  private CounterItems() {}

  /**
   * Built from lambdas, no reflection (decision 0018).
   *
   * @param names every counter the items can hold
   * @param make the record from its counters
   * @param counts the record's counters
   */
  public static <T> TableSchema<T> schema(
      Class<T> type,
      List<String> names,
      Function<Map<String, Long>, T> make,
      Function<T, Map<String, Long>> counts) {
    StaticImmutableTableSchema.Builder<T, Read> schema =
        StaticImmutableTableSchema.builder(type, Read.class)
            .newItemBuilder(Read::new, read -> make.apply(Map.copyOf(read.counts)));
    for (String name : names) {
      schema.addAttribute(
          Long.class,
          a ->
              a.name(name)
                  .getter(item -> counts.apply(item).get(name))
                  .setter(
                      (read, value) -> {
                        if (value != null) {
                          read.counts.put(name, value);
                        }
                      }));
    }
    return schema.build();
  }

  private static final class Read {
    final Map<String, Long> counts = new HashMap<>();
  }
}
