package com.dermrelay.datarights;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditRecord;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Every audited action on the patient's record in this clinic (the audit trail's patient index):
 * who (name and role), what, when, and the outcome.
 */
public final class AccessLogSection implements PatientDataSection {
  /** Bounds one export's reads; 100 pages of 100 records is far beyond any real record. */
  private static final int MAX_PAGES = 100;

  private final AuditTrail audit;
  private final ObjectMapper json;

  @Inject
  public AccessLogSection(AuditTrail audit, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
  }

  @Override
  public String name() {
    return "accessLog";
  }

  @Override
  public JsonNode export(TenantContext tenant, String patientSubject, String patientEmail) {
    ArrayNode records = json.createArrayNode();
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      ItemPage<AuditRecord> result =
          audit.query(
              tenant,
              ItemQuery.partition(AuditTrail.BY_PATIENT + patientSubject)
                  .onIndex(IndexKey.Index.GSI1)
                  .limit(100)
                  .after(cursor));
      for (AuditRecord item : result.records()) {
        records
            .addObject()
            .put("time", item.time())
            .put("who", item.actorName())
            .put("role", item.actorRole())
            .put("action", item.action())
            .put("resourceType", item.resourceType())
            .put("outcome", item.outcome());
      }
      cursor = result.nextCursor();
      if (cursor.isEmpty()) {
        break;
      }
    }
    return records;
  }
}
