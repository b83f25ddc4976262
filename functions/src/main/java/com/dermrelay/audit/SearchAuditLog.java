package com.dermrelay.audit;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditOutcome;
import com.dermrelay.core.audit.AuditRecord;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Predicate;
import javax.inject.Inject;

/**
 * A clinic's audit trail as its admins search it: by patient (the patient index), by user (the
 * actor index), otherwise the whole trail, each in a time range, newest first; the action (and the
 * user, when a patient is given too) is filtered on the page, and so is the exact time range (a
 * record of repeated refusals sorts at its window's start). The search itself is audited as {@code
 * audit-log.search}, so who looked at the trail is in the trail.
 */
public final class SearchAuditLog {
  public static final String ACTION = "audit-log.search";

  private final AuditTrail audit;

  @Inject
  public SearchAuditLog(AuditTrail audit) {
    this.audit = audit;
  }

  /** One page of the clinic's records. */
  public record Result(
      List<AuditRecord> records, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {}

  public Result run(TenantContext tenant, AuditLogSearch search) {
    ItemQuery query;
    if (search.patient().isPresent()) {
      query =
          ItemQuery.partition(AuditTrail.BY_PATIENT + search.patient().get())
              .onIndex(IndexKey.Index.GSI1);
    } else if (search.user().isPresent()) {
      query =
          ItemQuery.partition(AuditTrail.BY_ACTOR + search.user().get())
              .onIndex(IndexKey.Index.GSI2);
    } else {
      query = ItemQuery.partition(AuditTrail.PARTITION);
    }
    query = AuditLogPages.inTimeRange(query, search.from(), search.to());
    Predicate<AuditRecord> keep = AuditLogPages.inTime(search.from(), search.to());
    if (search.patient().isPresent() && search.user().isPresent()) {
      keep = keep.and(item -> search.user().get().equals(item.actorSubject()));
    }
    if (search.action().isPresent()) {
      keep = keep.and(item -> search.action().get().equals(item.action()));
    }
    ItemPage<AuditRecord> page =
        AuditLogPages.collect(audit, tenant, query, search.limit(), search.cursor(), keep);
    // Recorded after the read: a refused cursor (400) leaves no record, a retry finds its own.
    audit.record(
        tenant, ACTION, AuditResource.of("audit-log", tenant.tenantId()), AuditOutcome.SUCCESS);
    return new Result(page.records(), page.nextCursor().orElse(null));
  }
}
