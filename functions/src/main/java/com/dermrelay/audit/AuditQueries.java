package com.dermrelay.audit;

import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemQuery;
import java.time.Instant;

/**
 * Queries of the audit trail for readers outside this package (the clinic dashboard), so the
 * trail's key layout stays here: one actor's records in a time range, oldest first.
 */
public final class AuditQueries {
  private AuditQueries() {}

  /** {@code actorSubject}'s records at or after {@code from} and before {@code to}. */
  public static ItemQuery byActorBetween(String actorSubject, Instant from, Instant to) {
    return ItemQuery.partition(AuditTrail.BY_ACTOR + actorSubject)
        .onIndex(IndexKey.Index.GSI2)
        .sortBetween(
            AuditTrail.SORTABLE.format(from), AuditTrail.SORTABLE.format(to.minusMillis(1)) + "~");
  }
}
