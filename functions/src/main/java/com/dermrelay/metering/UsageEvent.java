package com.dermrelay.metering;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One metered event, {@code TENANT#<id>#USAGE#EVENTS} / {@code <kind>#<reference>}: written only if
 * absent, so it is what makes a retry count nothing. It keeps the month it was counted in (a retry
 * after midnight at a month's end finds it and counts nothing in the next month).
 *
 * @param at when the event happened (ISO-8601)
 * @param expiresAt epoch seconds: kept {@link UsageMeter#EVENTS_KEPT}, far past any retry
 */
record UsageEvent(String kind, String month, String at, Long bytes, Long expiresAt) {

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<UsageEvent> SCHEMA =
      StaticImmutableTableSchema.builder(UsageEvent.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              a -> a.name("kind").getter(UsageEvent::kind).setter((b, v) -> b.kind = v))
          .addAttribute(
              String.class,
              a -> a.name("month").getter(UsageEvent::month).setter((b, v) -> b.month = v))
          .addAttribute(
              String.class, a -> a.name("at").getter(UsageEvent::at).setter((b, v) -> b.at = v))
          .addAttribute(
              Long.class,
              a -> a.name("bytes").getter(UsageEvent::bytes).setter((b, v) -> b.bytes = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name("expiresAt")
                      .getter(UsageEvent::expiresAt)
                      .setter((b, v) -> b.expiresAt = v))
          .build();

  private static final class Builder {
    String kind;
    String month;
    String at;
    Long bytes;
    Long expiresAt;

    UsageEvent build() {
      return new UsageEvent(kind, month, at, bytes, expiresAt);
    }
  }
}
