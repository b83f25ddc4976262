package com.dermrelay.core.audit;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.http.ApiProblem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail use cases write to, in one line: {@code audit.read(tenant, resource)}, {@code
 * audit.wrote(tenant, "case.answer", resource)}, or {@code throw audit.notFound(tenant,
 * "case.read", resource)} for a record that is another patient's or tenant's.
 *
 * <p>Records are appended under deterministic keys ({@code TENANT#<id>#AUDIT}, {@code <request
 * time>#<request id>#<action>#<resource>}) with a write that only creates, so a retry cannot
 * duplicate one and no code path can update or delete one. They expire after the tenant's retention
 * period, at least six years. The one exception are refused attempts at a clinic by callers outside
 * it, which {@link RepeatedDenials} aggregates into one record per caller, route and window whose
 * count grows.
 */
@Singleton
public final class AuditTrail {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  public static final String PARTITION = "AUDIT";
  public static final String BY_PATIENT = "AUDIT#PATIENT#";
  public static final String BY_ACTOR = "AUDIT#ACTOR#";

  /** Sortable to the millisecond, fixed width, so time ranges are sort-key ranges. */
  public static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final TenantTable<AuditItem> records;

  @Inject
  public AuditTrail(SingleTable table) {
    this.records = table.tenantTable(AuditItem.SCHEMA);
  }

  /** A successful read of health data. */
  public void read(TenantContext tenant, AuditResource resource) {
    record(tenant, "read", resource, AuditOutcome.SUCCESS);
  }

  /** A successful change; {@code action} names it, e.g. {@code case.answer}. */
  public void wrote(TenantContext tenant, String action, AuditResource resource) {
    record(tenant, action, resource, AuditOutcome.SUCCESS);
  }

  /**
   * Records a refused attempt at a record that is not the caller's and returns the 404 to throw, so
   * the answer never reveals that the record exists.
   */
  public ApiProblem notFound(TenantContext tenant, String action, AuditResource resource) {
    record(tenant, action, resource, AuditOutcome.DENIED);
    return ApiProblem.notFound("No such resource.");
  }

  public void record(
      TenantContext tenant, String action, AuditResource resource, AuditOutcome outcome) {
    Instant time = tenant.requestTime();
    String sort =
        SORTABLE.format(time)
            + "#"
            + tenant.requestId()
            + "#"
            + action
            + "#"
            + resource.type()
            + "#"
            + resource.id();
    IndexKey byActor = IndexKey.of(IndexKey.Index.GSI2, BY_ACTOR + tenant.subject(), sort);
    Optional<IndexKey> byPatient =
        resource.patientSubject().map(p -> IndexKey.of(IndexKey.Index.GSI1, BY_PATIENT + p, sort));
    AuditItem item = item(tenant, action, resource, outcome);
    boolean written =
        byPatient.isPresent()
            ? records.putIfAbsent(
                tenant, ItemKey.of(PARTITION, sort), item, byActor, byPatient.get())
            : records.putIfAbsent(tenant, ItemKey.of(PARTITION, sort), item, byActor);
    if (!written) {
      LOG.debug(
          "audit record already written by an earlier attempt of request {}", tenant.requestId());
    }
  }

  /**
   * One page of the clinic's trail, or of one of its indexes (a patient's, an actor's), as the
   * records the audit queries and the clinic's dashboard read.
   */
  public ItemPage<AuditRecord> query(TenantContext tenant, ItemQuery query) {
    ItemPage<AuditItem> page = records.query(tenant, query);
    return new ItemPage<>(
        page.items().stream()
            .map(i -> new StoredItem<>(i.tenantId(), i.sort(), i.version(), record(i)))
            .toList(),
        page.nextCursor());
  }

  /**
   * A record's attributes: who did what to which resource, when and how it ended, until when kept.
   */
  static AuditItem item(
      TenantContext tenant, String action, AuditResource resource, AuditOutcome outcome) {
    Instant time = tenant.requestTime();
    return new AuditItem(
        SORTABLE.format(time),
        orEmpty(tenant.subject()),
        orEmpty(tenant.roleName()),
        orEmpty(tenant.actorName()),
        orEmpty(action),
        orEmpty(resource.type()),
        orEmpty(resource.id()),
        resource.patientSubject().orElse(null),
        outcome.name(),
        orEmpty(tenant.requestId()),
        time.atZone(ZoneOffset.UTC).plusYears(tenant.retentionYears()).toEpochSecond(),
        null,
        null,
        null);
  }

  private static AuditRecord record(StoredItem<AuditItem> stored) {
    AuditItem item = stored.record();
    return new AuditRecord(
        stored.sort(),
        orEmpty(item.time()),
        orEmpty(stored.tenantId()),
        orEmpty(item.actorSubject()),
        orEmpty(item.actorRole()),
        orEmpty(item.actorName()),
        orEmpty(item.action()),
        orEmpty(item.resourceType()),
        orEmpty(item.resourceId()),
        item.patientSubject(),
        orEmpty(item.outcome()),
        orEmpty(item.requestId()),
        item.attempts(),
        item.lastTime());
  }

  /** Records keep "" rather than leave out who or what was unknown. */
  static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
