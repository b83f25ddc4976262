package com.dermrelay.local.stepfunctions.api;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.HistoryEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** A history event in the GetExecutionHistory shape. */
final class HistoryJson {
  /** The fields includeExecutionData=false leaves out. */
  private static final Set<String> DATA_FIELDS = Set.of("input", "output", "parameters");

  private HistoryJson() {}

  static ObjectNode event(HistoryEvent event, boolean includeData) {
    ObjectNode out = Exchanges.JSON.createObjectNode();
    SfnOperations.putTime(out, "timestamp", event.timestamp());
    out.put("type", event.type());
    out.put("id", event.id());
    out.put("previousEventId", event.previousEventId());
    if (event.detailsField() != null) {
      ObjectNode details = event.details().deepCopy();
      if (!includeData) {
        details.remove(DATA_FIELDS);
      }
      out.set(event.detailsField(), details);
    }
    return out;
  }
}
