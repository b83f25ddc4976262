package com.dermrelay.metering;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Reads a clinic's usage counters ({@link UsageMeter}): a range of months in one Query of the
 * clinic's {@code USAGE} partition (a page holds 100 months), and the running total in one GetItem.
 */
public final class ClinicUsage {
  private final TenantTable<UsageCounts> counters;

  @Inject
  public ClinicUsage(SingleTable table) {
    this.counters = table.tenantTable(UsageCounts.SCHEMA);
  }

  /**
   * The counters of the months from {@code from} to {@code to} (inclusive); quiet months absent.
   */
  Map<YearMonth, UsageCounts> months(TenantContext tenant, YearMonth from, YearMonth to) {
    Map<YearMonth, UsageCounts> months = new HashMap<>();
    ItemQuery query =
        ItemQuery.partition(UsageMeter.COUNTERS)
            .sortBetween(UsageMeter.MONTH_PREFIX + from, UsageMeter.MONTH_PREFIX + to)
            .limit(100);
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage<UsageCounts> page = counters.query(tenant, query.after(cursor));
      for (StoredItem<UsageCounts> item : page.items()) {
        months.put(
            YearMonth.parse(item.sort().substring(UsageMeter.MONTH_PREFIX.length())),
            item.record());
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return months;
  }

  /** The photo bytes the clinic has stored since metering began. */
  long storedBytes(TenantContext tenant) {
    return counters
        .get(tenant, ItemKey.of(UsageMeter.COUNTERS, UsageMeter.TOTAL))
        .map(item -> item.record().get(UsageCounts.STORED_BYTES))
        .orElse(0L);
  }
}
