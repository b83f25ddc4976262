package com.dermrelay.dashboard;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.TenantItems;
import com.dermrelay.imaging.Verdict;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Photo checks per clinic and ISO week, for the dashboard's retake share: one counter item
 * {@code TENANT#<id>#STATS} / {@code WEEK#<yyyy-Www>} with {@code photosChecked} and
 * {@code photosNeedingRetake}, bumped by an atomic {@code ADD} when a check's verdict is recorded.
 * A photo <em>needs a retake</em> when the check refused it or advised taking it again
 * ({@code REJECTED}, {@code RETAKE_ADVISED}); usable with advice ({@code ACCEPTED_WITH_WARNINGS})
 * does not.
 *
 * <p>Counted once per photo: ConfirmPhoto counts only after its conditional save moved the photo
 * from awaiting upload to its verdict, and a retried confirm finds the verdict and checks nothing.
 * A crash between the two writes loses that one count (an undercount, never a double count).
 */
public final class PhotoCheckCounts {
  static final String PARTITION = "STATS";
  static final String CHECKED = "photosChecked";
  static final String NEEDING_RETAKE = "photosNeedingRetake";

  private final TenantItems items;

  @Inject
  public PhotoCheckCounts(TenantItems items) {
    this.items = items;
  }

  /** One week's counts. */
  public record Week(long checked, long needingRetake) {
    static final Week NONE = new Week(0, 0);
  }

  /** Counts a check whose verdict was recorded at {@code at}. */
  public void record(TenantContext tenant, Instant at, Verdict verdict) {
    boolean retake = verdict == Verdict.REJECTED || verdict == Verdict.RETAKE_ADVISED;
    items.add(tenant, ItemKey.of(PARTITION, sortKey(DashboardStatistics.isoWeek(at))),
        Map.of(CHECKED, 1L, NEEDING_RETAKE, retake ? 1L : 0L));
  }

  /** The counts of the weeks from {@code from} to {@code to}, by ISO week label; weeks without a check are absent. */
  public Map<String, Week> between(TenantContext tenant, Instant from, Instant to) {
    Map<String, Week> weeks = new HashMap<>();
    ItemQuery query = ItemQuery.partition(PARTITION)
        .sortBetween(sortKey(DashboardStatistics.isoWeek(from)), sortKey(DashboardStatistics.isoWeek(to)));
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage page = items.query(tenant, query.limit(60).after(cursor));
      for (Map<String, AttributeValue> item : page.items()) {
        weeks.put(item.get("sk").s().substring("WEEK#".length()),
            new Week(number(item, CHECKED), number(item, NEEDING_RETAKE)));
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return weeks;
  }

  private static String sortKey(String isoWeek) {
    return "WEEK#" + isoWeek;
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }
}
