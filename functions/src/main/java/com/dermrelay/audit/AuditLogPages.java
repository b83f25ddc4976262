package com.dermrelay.audit;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditRecord;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.audit.RepeatedDenials;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Reads one page of audit records, newest first, keeping those a predicate accepts (filters that no
 * index answers, such as the action). Each round asks only for the records still missing, so the
 * cursor handed out is exact; after a few rounds a page may come back short, with a cursor: clients
 * continue while there is one.
 */
final class AuditLogPages {
  /** Bounds the reads one request makes when a filter is sparse. */
  static final int MAX_ROUNDS = 5;

  private AuditLogPages() {}

  /**
   * A sort-key range for a time range: from inclusive, to exclusive (keys are longer). A record of
   * repeated refusals sorts at its window's start, up to a window before its first attempt, so the
   * range reaches back that far; {@link #inTime} then keeps the records that fall in the range.
   */
  static ItemQuery inTimeRange(ItemQuery query, Optional<Instant> from, Optional<Instant> to) {
    if (from.isEmpty() && to.isEmpty()) {
      return query;
    }
    return query.sortBetween(
        from.map(f -> AuditTrail.SORTABLE.format(f.minus(RepeatedDenials.WINDOW))).orElse("0"),
        to.map(AuditTrail.SORTABLE::format).orElse("9"));
  }

  /**
   * Whether a record falls in the time range: its time (the first attempt's, for repeated refusals)
   * before {@code to}, and its time or last attempt at or after {@code from}.
   */
  static Predicate<AuditRecord> inTime(Optional<Instant> from, Optional<Instant> to) {
    String fromText = from.map(AuditTrail.SORTABLE::format).orElse(null);
    String toText = to.map(AuditTrail.SORTABLE::format).orElse(null);
    return item -> {
      String first = item.time();
      String last = item.lastTime() != null ? item.lastTime() : first;
      // Fixed-width UTC times: text order is time order.
      return (toText == null || first.compareTo(toText) < 0)
          && (fromText == null || last.compareTo(fromText) >= 0);
    };
  }

  static ItemPage<AuditRecord> collect(
      AuditTrail audit,
      TenantContext tenant,
      ItemQuery query,
      int limit,
      Optional<String> cursor,
      Predicate<AuditRecord> keep) {
    List<StoredItem<AuditRecord>> kept = new ArrayList<>();
    Optional<String> next = cursor;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      ItemPage<AuditRecord> page;
      try {
        page = audit.query(tenant, query.newestFirst().limit(limit - kept.size()).after(next));
      } catch (SdkServiceException e) {
        // A cursor of this list used with other filters: its key lies outside the new range.
        if (round == 0 && cursor.isPresent() && e.statusCode() == 400) {
          throw ApiProblem.badRequest(
              ProblemTypes.INVALID_REQUEST,
              "Parameter 'cursor' does not continue a list with these filters.");
        }
        throw e;
      }
      page.items().stream().filter(item -> keep.test(item.record())).forEach(kept::add);
      next = page.nextCursor();
      if (next.isEmpty() || kept.size() >= limit) {
        break;
      }
    }
    return new ItemPage<>(List.copyOf(kept), next);
  }
}
