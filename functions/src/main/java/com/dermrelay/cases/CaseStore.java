package com.dermrelay.cases;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.JsonTextConverter;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.data.VersionConflictException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Cases in the table: one item per case, {@code TENANT#<id>#CASE#<caseId>} / {@code CASE}, listed
 * per patient on {@code gsi1} ({@code TENANT#<id>#PATIENT#<sub>#CASES} / {@code
 * <createdAt>#<caseId>}) and per clinic on {@code gsi2} ({@code TENANT#<id>#CASES}, same sort key).
 * Every change is one conditional write on the version. Only the case's patient gets it back:
 * anyone else gets the 404 of {@link AuditTrail#notFound}, recorded.
 */
@Singleton
public final class CaseStore {
  static final Pattern CASE_ID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private final TenantTable<CaseRecord> items;
  private final AuditTrail audit;

  @Inject
  public CaseStore(SingleTable table, AuditTrail audit, ObjectMapper json) {
    this.items = table.tenantTable(schema(json));
    this.audit = audit;
  }

  /**
   * The clinic's cases by creation time on {@code gsi2}: the dashboard reads them without a Scan.
   */
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
    StoredCase found =
        items
            .get(tenant, key(caseId))
            .map(CaseStore::stored)
            .orElseThrow(() -> audit.notFound(tenant, action, AuditResource.of("case", caseId)));
    String owner = found.record().patientSubject();
    if (!owner.equals(tenant.subject())) {
      throw audit.notFound(tenant, action, AuditResource.ofPatient("case", caseId, owner));
    }
    return found;
  }

  /**
   * Any case of the acting tenant, for callers whose right to it is checked elsewhere: a workflow
   * step, or a dermatologist of the clinic (the access layer checked the membership).
   */
  public Optional<StoredCase> find(TenantContext tenant, String caseId) {
    if (!CASE_ID.matcher(caseId).matches()) {
      return Optional.empty();
    }
    return items.get(tenant, key(caseId)).map(CaseStore::stored);
  }

  /**
   * Several cases of the acting tenant at once (one BatchGetItem, where {@link #find} reads one
   * each), for the same callers: by case id, absent where the tenant has no such case.
   */
  public Map<String, StoredCase> findAll(TenantContext tenant, Collection<String> caseIds) {
    Map<ItemKey, String> ids = new HashMap<>();
    caseIds.stream()
        .filter(id -> CASE_ID.matcher(id).matches())
        .forEach(id -> ids.put(key(id), id));
    Map<String, StoredCase> found = new HashMap<>();
    items
        .getAll(tenant, ids.keySet())
        .forEach((key, item) -> found.put(ids.get(key), stored(item)));
    return found;
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
    return items.putVersioned(
        tenant,
        key(record.caseId()),
        record,
        expectedVersion,
        IndexKey.of(
            IndexKey.Index.GSI1,
            patientCases(record.patientSubject()),
            record.createdAt() + "#" + record.caseId()),
        IndexKey.of(IndexKey.Index.GSI2, CLINIC_CASES, record.createdAt() + "#" + record.caseId()));
  }

  /** The caller's cases, newest first. */
  public Page listOwn(TenantContext tenant, int limit, Optional<String> cursor) {
    return page(
        items.query(
            tenant,
            ItemQuery.partition(patientCases(tenant.subject()))
                .onIndex(IndexKey.Index.GSI1)
                .limit(limit)
                .after(cursor)
                .newestFirst()));
  }

  /**
   * A patient's latest cases in the acting tenant, newest first, for a dermatologist of the clinic
   * comparing them (the caller's right to them is checked by the access layer).
   */
  public List<StoredCase> latestOfPatient(TenantContext tenant, String patientSubject, int limit) {
    return page(items.query(
            tenant,
            ItemQuery.partition(patientCases(patientSubject))
                .onIndex(IndexKey.Index.GSI1)
                .limit(limit)
                .newestFirst()))
        .cases();
  }

  /**
   * One page of the clinic's cases created at or after {@code createdFrom} (an ISO instant), oldest
   * first, from the clinic's case index: the dashboard's read, no Scan.
   */
  public Page ofClinicCreatedSince(
      TenantContext tenant, String createdFrom, int limit, Optional<String> cursor) {
    return page(
        items.query(
            tenant,
            ItemQuery.partition(CLINIC_CASES)
                .onIndex(IndexKey.Index.GSI2)
                .sortBetween(createdFrom, "9")
                .limit(limit)
                .after(cursor)));
  }

  /**
   * One page of a patient's cases created between two days (ISO dates, both included; UTC), oldest
   * first, from the patient's case index: what a research export reads for each consenting patient.
   */
  public Page ofPatientCreatedBetween(
      TenantContext tenant,
      String patientSubject,
      String fromDay,
      String toDay,
      int limit,
      Optional<String> cursor) {
    // The sort key is <createdAt>#<caseId>; '~' sorts after every character an instant holds.
    return page(
        items.query(
            tenant,
            ItemQuery.partition(patientCases(patientSubject))
                .onIndex(IndexKey.Index.GSI1)
                .sortBetween(fromDay, toDay + "~")
                .limit(limit)
                .after(cursor)));
  }

  /** One page of cases and the cursor of the next. */
  public record Page(List<StoredCase> cases, Optional<String> nextCursor) {}

  private static Page page(ItemPage<CaseRecord> page) {
    return new Page(page.items().stream().map(CaseStore::stored).toList(), page.nextCursor());
  }

  private static StoredCase stored(StoredItem<CaseRecord> item) {
    return new StoredCase(item.version(), item.record());
  }

  /**
   * The case item (docs/data-model.md): {@code status}, {@code patientSubject} and, for drafts,
   * {@code expiresAt} (epoch seconds) beside the whole case as JSON text, {@code doc}, which older
   * documents are read from through {@link IntakeVersions}. Built from lambdas, once per container.
   */
  private static TableSchema<CaseRecord> schema(ObjectMapper json) {
    return StaticImmutableTableSchema.builder(CaseRecord.class, Holder.class)
        .newItemBuilder(Holder::new, holder -> holder.record)
        .addAttribute(String.class, a -> a.name("type").getter(r -> "CASE").setter((h, v) -> {}))
        .addAttribute(
            String.class, a -> a.name("status").getter(CaseRecord::status).setter((h, v) -> {}))
        .addAttribute(
            String.class,
            a -> a.name("patientSubject").getter(CaseRecord::patientSubject).setter((h, v) -> {}))
        .addAttribute(
            CaseRecord.class,
            a ->
                a.name("doc")
                    .getter(r -> r)
                    .setter((h, v) -> h.record = v)
                    .attributeConverter(
                        JsonTextConverter.of(
                            CaseRecord.class,
                            r -> write(json, r),
                            text -> IntakeVersions.readCase(json, text))))
        .addAttribute(
            Long.class,
            a ->
                a.name("expiresAt")
                    .getter(
                        r ->
                            r.expiresAt() == null
                                ? null
                                : Instant.parse(r.expiresAt()).getEpochSecond())
                    .setter((h, v) -> {}))
        .build();
  }

  /** The case is all in {@code doc}; the other attributes are written for queries and expiry. */
  private static final class Holder {
    CaseRecord record;
  }

  private static String write(ObjectMapper json, CaseRecord record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a case cannot be written", e);
    }
  }
}
