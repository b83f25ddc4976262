package com.dermrelay.core.data;

import com.dermrelay.core.access.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The first half of counting an event once without a Scan or a transaction: the event's own item,
 * written only if absent. Whoever writes it (the caller gets true) then makes the counters' atomic
 * ADDs ({@link TenantTable#add}); a retry, a repeated request or a second attempt finds the item
 * and counts nothing. A crash between the two leaves a counter one short, never one over (decision
 * 0008). Metering (metering.UsageMeter) and the quality counters (quality.figures.QualityEvents)
 * use it.
 */
public final class CountedEvents {
  private final TenantTable<CountedEvent> events;

  @Inject
  public CountedEvents(SingleTable table) {
    this.events = table.tenantTable(CountedEvent.SCHEMA);
  }

  /**
   * Records the event {@code key} that happened at {@code at}, kept for {@code kept} (retries come
   * within days); true when this call recorded it, false when it was recorded before.
   */
  public boolean firstTime(TenantContext tenant, ItemKey key, Instant at, Duration kept) {
    return firstTime(tenant, key, at, kept, null);
  }

  /**
   * As {@link #firstTime(TenantContext, ItemKey, Instant, Duration)}, keeping {@code detail} with
   * the event: what later events of the same thing need to be counted alike (codes and ids only,
   * never health data).
   */
  public boolean firstTime(
      TenantContext tenant, ItemKey key, Instant at, Duration kept, String detail) {
    return events.putIfAbsent(
        tenant, key, new CountedEvent(at.toString(), at.plus(kept).getEpochSecond(), detail));
  }

  /** The event {@code key}, if it was recorded and is still kept. */
  public Optional<Recorded> find(TenantContext tenant, ItemKey key) {
    return events
        .get(tenant, key)
        .map(item -> new Recorded(Instant.parse(item.record().at()), item.record().detail()));
  }

  /** A recorded event: when it happened, and the detail kept with it (null if none). */
  public record Recorded(Instant at, String detail) {}

  /** The event item: when it happened, its expiry (epoch seconds) and its detail. */
  record CountedEvent(String at, Long expiresAt, String detail) {
    static final TableSchema<CountedEvent> SCHEMA =
        StaticImmutableTableSchema.builder(CountedEvent.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(
                String.class, a -> a.name("at").getter(CountedEvent::at).setter((b, v) -> b.at = v))
            .addAttribute(
                Long.class,
                a ->
                    a.name("expiresAt")
                        .getter(CountedEvent::expiresAt)
                        .setter((b, v) -> b.expiresAt = v))
            .addAttribute(
                String.class,
                a -> a.name("detail").getter(CountedEvent::detail).setter((b, v) -> b.detail = v))
            .build();

    private static final class Builder {
      String at;
      Long expiresAt;
      String detail;

      CountedEvent build() {
        return new CountedEvent(at, expiresAt, detail);
      }
    }
  }
}
