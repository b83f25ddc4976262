package com.dermrelay.dashboard;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.imaging.Verdict;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Photo checks per clinic and ISO week, for the dashboard's retake share: one counter item {@code
 * TENANT#<id>#STATS} / {@code WEEK#<yyyy-Www>} with {@code photosChecked} and {@code
 * photosNeedingRetake}, bumped by an atomic {@code ADD} when a check's verdict is recorded. A photo
 * <em>needs a retake</em> when the check refused it or advised taking it again ({@code REJECTED},
 * {@code RETAKE_ADVISED}); usable with advice ({@code ACCEPTED_WITH_WARNINGS}) does not.
 *
 * <p>Counted once per photo: ConfirmPhoto counts only after its conditional save moved the photo
 * from awaiting upload to its verdict, and a retried confirm finds the verdict and checks nothing.
 * A crash between the two writes loses that one count (an undercount, never a double count).
 */
public final class PhotoCheckCounts {
  static final String PARTITION = "STATS";
  static final String CHECKED = "photosChecked";
  static final String NEEDING_RETAKE = "photosNeedingRetake";

  private final TenantTable<Week> items;

  @Inject
  public PhotoCheckCounts(SingleTable table) {
    this.items = table.tenantTable(Week.SCHEMA);
  }

  /** One week's counts. */
  public record Week(long checked, long needingRetake) {
    static final Week NONE = new Week(0, 0);

    /**
     * The counter item's numbers, 0 when absent; built from lambdas, no reflection (decision 0018).
     */
    static final TableSchema<Week> SCHEMA =
        StaticImmutableTableSchema.builder(Week.class, Counts.class)
            .newItemBuilder(Counts::new, counts -> new Week(counts.checked, counts.needingRetake))
            .addAttribute(
                Long.class,
                a -> a.name(CHECKED).getter(Week::checked).setter((c, v) -> c.checked = v))
            .addAttribute(
                Long.class,
                a ->
                    a.name(NEEDING_RETAKE)
                        .getter(Week::needingRetake)
                        .setter((c, v) -> c.needingRetake = v))
            .build();

    private static final class Counts {
      long checked;
      long needingRetake;
    }
  }

  /** Counts a check whose verdict was recorded at {@code at}. */
  public void record(TenantContext tenant, Instant at, Verdict verdict) {
    boolean retake = verdict == Verdict.REJECTED || verdict == Verdict.RETAKE_ADVISED;
    items.add(
        tenant,
        ItemKey.of(PARTITION, sortKey(DashboardStatistics.isoWeek(at))),
        Map.of(CHECKED, 1L, NEEDING_RETAKE, retake ? 1L : 0L));
  }

  /**
   * The counts of the weeks from {@code from} to {@code to}, by ISO week label; weeks without a
   * check are absent.
   */
  public Map<String, Week> between(TenantContext tenant, Instant from, Instant to) {
    Map<String, Week> weeks = new HashMap<>();
    ItemQuery query =
        ItemQuery.partition(PARTITION)
            .sortBetween(
                sortKey(DashboardStatistics.isoWeek(from)),
                sortKey(DashboardStatistics.isoWeek(to)));
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage<Week> page = items.query(tenant, query.limit(60).after(cursor));
      for (StoredItem<Week> item : page.items()) {
        weeks.put(item.sort().substring("WEEK#".length()), item.record());
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return weeks;
  }

  private static String sortKey(String isoWeek) {
    return "WEEK#" + isoWeek;
  }
}
