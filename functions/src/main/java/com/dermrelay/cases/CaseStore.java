package com.dermrelay.cases;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.TenantItems;
import com.dermrelay.core.data.VersionConflictException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cases in the table: one item per case, {@code TENANT#<id>#CASE#<caseId>} / {@code CASE}, listed
 * per patient on {@code gsi1} ({@code TENANT#<id>#PATIENT#<sub>#CASES} / {@code <createdAt>#<caseId>})
 * and per clinic on {@code gsi2} ({@code TENANT#<id>#CASES}, same sort key).
 * Every change is one conditional write on the version. Only the case's patient gets it back:
 * anyone else gets the 404 of {@link AuditTrail#notFound}, recorded.
 */
@Singleton
public final class CaseStore {
  static final Pattern CASE_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private final TenantItems items;
  private final AuditTrail audit;
  private final ObjectMapper json;

  @Inject
  public CaseStore(TenantItems items, AuditTrail audit, ObjectMapper json) {
    this.items = items;
    this.audit = audit;
    this.json = json;
  }

  /** The clinic's cases by creation time on {@code gsi2}: the dashboard reads them without a Scan. */
  public static final String CLINIC_CASES = "CASES";

  static ItemKey key(String caseId) {
    return ItemKey.of("CASE#" + caseId, "CASE");
  }

  static String patientCases(String subject) {
    return "PATIENT#" + subject + "#CASES";
  }

  /** The caller's own case, or the audited 404 for {@code action}. */
  public StoredCase ownCase(TenantContext tenant, String caseId, String action) {
    if (!CASE_ID.matcher(caseId).matches()) {
      throw audit.notFound(tenant, action, AuditResource.of("case", "malformed-id"));
    }
    Optional<Map<String, AttributeValue>> item = items.get(tenant, key(caseId));
    if (item.isEmpty()) {
      throw audit.notFound(tenant, action, AuditResource.of("case", caseId));
    }
    String owner = item.get().get("patientSubject").s();
    if (!owner.equals(tenant.subject())) {
      throw audit.notFound(tenant, action, AuditResource.ofPatient("case", caseId, owner));
    }
    return fromItem(item.get());
  }

  /**
   * Any case of the acting tenant, for callers whose right to it is checked elsewhere: a workflow
   * step, or a dermatologist of the clinic (the access layer checked the membership).
   */
  public Optional<StoredCase> find(TenantContext tenant, String caseId) {
    if (!CASE_ID.matcher(caseId).matches()) {
      return Optional.empty();
    }
    return items.get(tenant, key(caseId)).map(this::fromItem);
  }

  /**
   * Reads the case, applies {@code change} and writes it on the version read, reading again when
   * another write came first (a patient's edit, another step). Returns the case as written.
   *
   * @throws java.util.NoSuchElementException if the tenant has no such case
   * @throws VersionConflictException if the case kept changing under us
   */
  public StoredCase update(TenantContext tenant, String caseId, UnaryOperator<CaseRecord> change) {
    for (int attempt = 0; attempt < 5; attempt++) {
      StoredCase current = find(tenant, caseId).orElseThrow();
      CaseRecord next = change.apply(current.record());
      if (next.equals(current.record())) {
        return current;
      }
      try {
        return new StoredCase(save(tenant, next, current.version()), next);
      } catch (VersionConflictException e) {
        // read again and re-apply: the change is a function of the current case
      }
    }
    throw new VersionConflictException();
  }

  /** Writes the case on {@code expectedVersion} (0: new); returns the new version. */
  public long save(TenantContext tenant, CaseRecord record, long expectedVersion) {
    Map<String, AttributeValue> attributes = new HashMap<>();
    attributes.put("type", AttributeValue.fromS("CASE"));
    attributes.put("status", AttributeValue.fromS(record.status()));
    attributes.put("patientSubject", AttributeValue.fromS(record.patientSubject()));
    attributes.put("doc", AttributeValue.fromS(write(record)));
    if (record.expiresAt() != null) {
      attributes.put(TenantItems.EXPIRES_AT, AttributeValue.fromN(
          Long.toString(Instant.parse(record.expiresAt()).getEpochSecond())));
    }
    return items.putVersioned(tenant, key(record.caseId()), attributes, expectedVersion,
        IndexKey.of(IndexKey.Index.GSI1, patientCases(record.patientSubject()),
            record.createdAt() + "#" + record.caseId()),
        IndexKey.of(IndexKey.Index.GSI2, CLINIC_CASES, record.createdAt() + "#" + record.caseId()));
  }

  /** The caller's cases, newest first. */
  public Page listOwn(TenantContext tenant, int limit, Optional<String> cursor) {
    ItemPage page = items.query(tenant, ItemQuery.partition(patientCases(tenant.subject()))
        .onIndex(IndexKey.Index.GSI1).limit(limit).after(cursor).newestFirst());
    return new Page(page.items().stream().map(this::fromItem).toList(), page.nextCursor());
  }

  /**
   * A patient's latest cases in the acting tenant, newest first, for a dermatologist of the clinic
   * comparing them (the caller's right to them is checked by the access layer).
   */
  public List<StoredCase> latestOfPatient(TenantContext tenant, String patientSubject, int limit) {
    return items.query(tenant, ItemQuery.partition(patientCases(patientSubject))
        .onIndex(IndexKey.Index.GSI1).limit(limit).newestFirst()).items().stream().map(this::fromItem).toList();
  }

  /** One page of cases and the cursor of the next. */
  public record Page(List<StoredCase> cases, Optional<String> nextCursor) {}

  private StoredCase fromItem(Map<String, AttributeValue> item) {
    return new StoredCase(Long.parseLong(item.get(TenantItems.VERSION).n()),
        IntakeVersions.readCase(json, item.get("doc").s()));
  }

  private String write(CaseRecord record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a case cannot be written", e);
    }
  }
}
