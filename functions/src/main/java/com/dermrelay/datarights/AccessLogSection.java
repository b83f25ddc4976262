package com.dermrelay.datarights;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.TenantItems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every audited action on the patient's record in this clinic (the audit trail's patient index):
 * who (name and role), what, when, and the outcome.
 */
public final class AccessLogSection implements PatientDataSection {
  /** Bounds one export's reads; 100 pages of 100 records is far beyond any real record. */
  private static final int MAX_PAGES = 100;

  private final TenantItems items;
  private final ObjectMapper json;

  @Inject
  public AccessLogSection(TenantItems items, ObjectMapper json) {
    this.items = items;
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
      ItemPage result = items.query(tenant, ItemQuery.partition("AUDIT#PATIENT#" + patientSubject)
          .onIndex(IndexKey.Index.GSI1).limit(100).after(cursor));
      for (var item : result.items()) {
        records.addObject()
            .put("time", text(item.get("time")))
            .put("who", text(item.get("actorName")))
            .put("role", text(item.get("actorRole")))
            .put("action", text(item.get("action")))
            .put("resourceType", text(item.get("resourceType")))
            .put("outcome", text(item.get("outcome")));
      }
      cursor = result.nextCursor();
      if (cursor.isEmpty()) {
        break;
      }
    }
    return records;
  }

  private static String text(AttributeValue value) {
    return value == null || value.s() == null ? "" : value.s();
  }
}
