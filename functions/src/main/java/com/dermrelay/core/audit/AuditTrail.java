package com.dermrelay.core.audit;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.TenantItems;
import com.dermrelay.core.http.ApiProblem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit trail use cases write to, in one line: {@code audit.read(tenant, resource)},
 * {@code audit.wrote(tenant, "case.answer", resource)}, or {@code throw audit.notFound(tenant,
 * "case.read", resource)} for a record that is another patient's or tenant's.
 *
 * <p>Records are appended under deterministic keys ({@code TENANT#<id>#AUDIT},
 * {@code <request time>#<request id>#<action>#<resource>}) with a write that only creates, so a
 * retry cannot duplicate one and no code path can update or delete one. They expire after the
 * tenant's retention period, at least six years. The one exception are refused attempts at a clinic
 * by callers outside it, which {@link RepeatedDenials} aggregates into one record per caller,
 * route and window whose count grows.
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

  private final TenantItems items;

  @Inject
  public AuditTrail(TenantItems items) {
    this.items = items;
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
   * Records a refused attempt at a record that is not the caller's and returns the 404 to throw,
   * so the answer never reveals that the record exists.
   */
  public ApiProblem notFound(TenantContext tenant, String action, AuditResource resource) {
    record(tenant, action, resource, AuditOutcome.DENIED);
    return ApiProblem.notFound("No such resource.");
  }

  public void record(TenantContext tenant, String action, AuditResource resource, AuditOutcome outcome) {
    Instant time = tenant.requestTime();
    String sort = SORTABLE.format(time) + "#" + tenant.requestId() + "#" + action + "#"
        + resource.type() + "#" + resource.id();
    Map<String, AttributeValue> attributes = attributes(tenant, action, resource, outcome);
    IndexKey byActor = IndexKey.of(IndexKey.Index.GSI2, BY_ACTOR + tenant.subject(), sort);
    Optional<IndexKey> byPatient = resource.patientSubject()
        .map(p -> IndexKey.of(IndexKey.Index.GSI1, BY_PATIENT + p, sort));
    boolean written = byPatient.isPresent()
        ? items.putIfAbsent(tenant, ItemKey.of(PARTITION, sort), attributes, byActor, byPatient.get())
        : items.putIfAbsent(tenant, ItemKey.of(PARTITION, sort), attributes, byActor);
    if (!written) {
      LOG.debug("audit record already written by an earlier attempt of request {}", tenant.requestId());
    }
  }

  /** A record's attributes: who did what to which resource, when and how it ended, until when kept. */
  static Map<String, AttributeValue> attributes(TenantContext tenant, String action, AuditResource resource,
      AuditOutcome outcome) {
    Instant time = tenant.requestTime();
    Map<String, AttributeValue> attributes = new HashMap<>();
    attributes.put("type", s("AUDIT"));
    attributes.put("time", s(SORTABLE.format(time)));
    attributes.put("actorSubject", s(tenant.subject()));
    attributes.put("actorRole", s(tenant.roleName()));
    attributes.put("actorName", s(tenant.actorName()));
    attributes.put("action", s(action));
    attributes.put("resourceType", s(resource.type()));
    attributes.put("resourceId", s(resource.id()));
    resource.patientSubject().ifPresent(p -> attributes.put("patientSubject", s(p)));
    attributes.put("outcome", s(outcome.name()));
    attributes.put("requestId", s(tenant.requestId()));
    attributes.put(TenantItems.EXPIRES_AT, AttributeValue.fromN(Long.toString(
        time.atZone(ZoneOffset.UTC).plusYears(tenant.retentionYears()).toEpochSecond())));
    return attributes;
  }

  public static AuditRecord fromItem(Map<String, AttributeValue> item) {
    return new AuditRecord(
        item.get("sk").s(),
        text(item, "time"),
        text(item, "tenantId"),
        text(item, "actorSubject"),
        text(item, "actorRole"),
        text(item, "actorName"),
        text(item, "action"),
        text(item, "resourceType"),
        text(item, "resourceId"),
        item.containsKey("patientSubject") ? text(item, "patientSubject") : null,
        text(item, "outcome"),
        text(item, "requestId"),
        item.containsKey(RepeatedDenials.ATTEMPTS) ? Long.valueOf(item.get(RepeatedDenials.ATTEMPTS).n()) : null,
        item.containsKey(RepeatedDenials.LAST_TIME) ? text(item, RepeatedDenials.LAST_TIME) : null);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? "" : value.s();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value == null ? "" : value);
  }
}
