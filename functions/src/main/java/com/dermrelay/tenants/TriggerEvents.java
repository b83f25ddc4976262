package com.dermrelay.tenants;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the parts of a Cognito user-pool trigger event (taken as plain maps) the triggers use. */
final class TriggerEvents {
  private TriggerEvents() {}

  /** {@code request.<part>} as strings; empty when absent (Cognito sends null for no metadata). */
  static Map<String, String> requestMap(Map<String, Object> event, String part) {
    Map<String, String> values = new LinkedHashMap<>();
    if (event.get("request") instanceof Map<?, ?> request
        && request.get(part) instanceof Map<?, ?> given) {
      given.forEach(
          (name, value) ->
              values.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
    }
    return values;
  }

  static String text(Map<String, Object> event, String field) {
    Object value = event.get(field);
    return value == null ? "" : String.valueOf(value);
  }
}
