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
import java.util.Optional;
import javax.inject.Inject;

/**
 * A patient's view of who opened their record: the successful accesses of others to resources of
 * their record (the patient index), newest first, as names and roles. Left out: their own actions,
 * and refused attempts (another patient's refused attempt would reveal that patient's name; the
 * clinic's admins see those in searchAuditLog). Subjects, resource ids and request ids stay
 * internal. Reading one's own access log is audited as {@code access-log.read}.
 */
public final class GetMyAccessLog {
  public static final String ACTION = "access-log.read";

  private final AuditTrail audit;

  @Inject
  public GetMyAccessLog(AuditTrail audit) {
    this.audit = audit;
  }

  /** One access: when, by whom (name and role), what they did to which kind of record. */
  public record Entry(
      String time, String actorName, String actorRole, String action, String resourceType) {}

  public record Result(
      List<Entry> entries, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {}

  public Result run(TenantContext tenant, int limit, Optional<String> cursor) {
    String me = tenant.subject();
    ItemQuery query = ItemQuery.partition(AuditTrail.BY_PATIENT + me).onIndex(IndexKey.Index.GSI1);
    ItemPage<AuditRecord> page =
        AuditLogPages.collect(
            audit,
            tenant,
            query,
            limit,
            cursor,
            item ->
                !me.equals(item.actorSubject())
                    && AuditOutcome.SUCCESS.name().equals(item.outcome()));
    audit.record(tenant, ACTION, AuditResource.of("access-log", me), AuditOutcome.SUCCESS);
    return new Result(
        page.records().stream()
            .map(
                r ->
                    new Entry(r.time(), r.actorName(), r.actorRole(), r.action(), r.resourceType()))
            .toList(),
        page.nextCursor().orElse(null));
  }
}
