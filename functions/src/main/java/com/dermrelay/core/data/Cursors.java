package com.dermrelay.core.data;

import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cursors handed to clients: a query's last evaluated key as URL-safe Base64 of a JSON object
 * of its key attributes. Opaque to clients, and a key from outside when it comes back.
 */
final class Cursors {
  /** The table's and indexes' key attributes: all a cursor may hold. */
  private static final Set<String> KEYS =
      Set.of("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk");

  private Cursors() {}

  static String encode(ObjectMapper json, Map<String, AttributeValue> lastKey) {
    Map<String, String> plain = new LinkedHashMap<>();
    lastKey.forEach((name, value) -> plain.put(name, value.s()));
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(plain));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a cursor", e);
    }
  }

  /**
   * A cursor that comes back: only string key attributes, every partition key inside the tenant
   * ({@code tenantPrefix}), and the queried partition the one it continues (not another list of the
   * same tenant, e.g. another patient's).
   */
  static Map<String, AttributeValue> decode(
      ObjectMapper json,
      String tenantPrefix,
      String cursor,
      String queriedPkName,
      String queriedPk) {
    Map<String, String> plain;
    try {
      plain =
          json.readValue(
              Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)),
              new TypeReference<Map<String, String>>() {});
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
    Map<String, AttributeValue> key = new HashMap<>();
    for (Map.Entry<String, String> entry : plain.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (value == null || !KEYS.contains(name)) {
        throw invalid();
      }
      if (name.endsWith("pk") && !TenantTable.inTenant(tenantPrefix, value)) {
        throw invalid();
      }
      key.put(name, AttributeValue.fromS(value));
    }
    if (!key.containsKey(queriedPkName) || !queriedPk.equals(key.get(queriedPkName).s())) {
      throw invalid();
    }
    return key;
  }

  private static ApiProblem invalid() {
    return ApiProblem.badRequest(
        ProblemTypes.INVALID_REQUEST, "Parameter 'cursor' is not a cursor of this list.");
  }
}
