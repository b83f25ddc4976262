package com.dermrelay.metering;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.CountedEvents;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;

/**
 * Records each billable event of a clinic once and keeps its per-month counters, without a Scan:
 *
 * <ol>
 *   <li>the event item {@code TENANT#<id>#USAGE#EVENTS} / {@code <kind>#<reference>} is written
 *       only if absent ({@link CountedEvents}, keeping the month it was counted in and its bytes):
 *       the reference names the event, so a retried step, a repeated request or a second attempt
 *       (even after midnight at a month's end) finds it and stops here;
 *   <li>only when it was newly written, the month's counter item {@code TENANT#<id>#USAGE} / {@code
 *       MONTH#<yyyy-MM>} gets one atomic {@code ADD} (and {@code TOTAL} the photo bytes).
 * </ol>
 *
 * A crash between the writes leaves the event recorded and uncounted: a counter may be one short,
 * never one over (dynalite has no transactions, decision 0008). Three writes per photo, two per
 * other event: about 3 WRU per event, under $0.000002 (docs/operations.md).
 */
public final class UsageMeter {
  static final String EVENTS = "USAGE#EVENTS";
  static final String COUNTERS = "USAGE";
  static final String MONTH_PREFIX = "MONTH#";
  static final String TOTAL = "TOTAL";

  /** Retries come within minutes or days; the counters themselves are kept with the clinic. */
  static final Duration EVENTS_KEPT = Duration.ofDays(400);

  private final CountedEvents events;
  private final TenantTable<UsageCounts> counters;

  @Inject
  public UsageMeter(SingleTable table, CountedEvents events) {
    this.events = events;
    this.counters = table.tenantTable(UsageCounts.SCHEMA);
  }

  /**
   * Records an event without bytes; see {@link #record(TenantContext, UsageKind, String, long,
   * Instant)}.
   */
  public boolean record(TenantContext tenant, UsageKind kind, String reference, Instant at) {
    return record(tenant, kind, reference, 0, at);
  }

  /**
   * Records the event {@code reference} of {@code kind} that happened at {@code at}, counted in
   * that month (UTC). Returns true when this call counted it, false when it was recorded before.
   *
   * @param reference names this one event (see {@link UsageKind}); ids only, never health data
   * @param bytes what the event stored (photos, exports), 0 otherwise
   */
  public boolean record(
      TenantContext tenant, UsageKind kind, String reference, long bytes, Instant at) {
    if (reference == null || reference.isBlank() || bytes < 0) {
      throw new IllegalArgumentException("a usage event needs a reference and no negative bytes");
    }
    String month = month(at).toString();
    if (!events.firstTime(
        tenant,
        ItemKey.of(EVENTS, kind.name() + "#" + reference),
        at,
        EVENTS_KEPT,
        month + " " + bytes + " bytes")) {
      return false;
    }
    Map<String, Long> amounts = new LinkedHashMap<>();
    amounts.put(kind.counter(), 1L);
    if (bytes > 0) {
      amounts.put(kind.bytesCounter(), bytes);
    }
    counters.add(tenant, ItemKey.of(COUNTERS, MONTH_PREFIX + month), amounts);
    if (kind == UsageKind.PHOTO_STORED && bytes > 0) {
      counters.add(tenant, ItemKey.of(COUNTERS, TOTAL), Map.of(UsageCounts.STORED_BYTES, bytes));
    }
    return true;
  }

  /** The calendar month (UTC) an instant falls in. */
  static YearMonth month(Instant at) {
    return YearMonth.from(at.atZone(ZoneOffset.UTC));
  }
}
