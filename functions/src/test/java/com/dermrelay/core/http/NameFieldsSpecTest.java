package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.access.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Security finding 4: every single-line name or label a client can send carries {@link NameText}'s
 * pattern in the contract (and in tenant.schema.json), so a generated client refuses what the API
 * refuses. A name field is a string property called {@code name} or {@code ...Name}; labels are the
 * prescription's single-line fields, listed here.
 */
class NameFieldsSpecTest {
  /** Single-line labels that are not called names: what a patient reads on a prescription. */
  private static final Set<String> LABELS = Set.of("medicine", "strength", "quantity");

  /** Every string property of the request bodies, by JSON pointer into the contract. */
  private static Map<String, JsonNode> requestStrings(JsonNode document) {
    Map<String, JsonNode> found = new TreeMap<>();
    for (OpenApiContract.Operation operation : OpenApiContract.operations()) {
      JsonNode schema = operation.node().at("/requestBody/content/application~1json/schema");
      if (!schema.isMissingNode()) {
        collect(document, schema, operation.operationId(), "", found, new ArrayList<>());
      }
    }
    return found;
  }

  private static void collect(
      JsonNode document,
      JsonNode schema,
      String operation,
      String at,
      Map<String, JsonNode> found,
      List<String> seen) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (seen.contains(ref)) {
        return;
      }
      List<String> deeper = new ArrayList<>(seen);
      deeper.add(ref);
      collect(document, document.at(ref.substring(1)), operation, at, found, deeper);
      return;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      JsonNode value = property.getValue();
      String pointer = at + "/" + property.getKey();
      if (value.path("type").asText().equals("string")) {
        found.put(operation + " " + pointer, value);
      }
      collect(document, value, operation, pointer, found, seen);
    }
    if (schema.has("items")) {
      collect(document, schema.get("items"), operation, at + "/0", found, seen);
    }
  }

  private static boolean isNameOrLabel(String pointer) {
    String field = pointer.substring(pointer.lastIndexOf('/') + 1);
    return field.equals("name") || field.endsWith("Name") || LABELS.contains(field);
  }

  @Test
  void everyNameAndLabelOfARequestCarriesTheNamePattern() {
    Map<String, JsonNode> strings = requestStrings(OpenApiContract.document());
    List<String> names =
        strings.keySet().stream().filter(NameFieldsSpecTest::isNameOrLabel).toList();
    assertTrue(
        names.containsAll(
            List.of(
                "signUpClinic /displayName",
                "signUpClinic /adminName",
                "inviteDermatologist /name",
                "answerCase /prescriptions/0/medicine",
                "saveAnswerDraft /answer/prescriptions/0/quantity")),
        "the walk finds them: " + names);
    for (String name : names) {
      assertEquals(NameText.PATTERN, strings.get(name).path("pattern").asText(), name);
    }
  }

  @Test
  void theClinicsNameInTheTenantSchemaCarriesItToo() throws IOException {
    JsonNode schema =
        new ObjectMapper().readTree(Path.of("..", "tenant-config", "tenant.schema.json").toFile());
    assertEquals(NameText.PATTERN, schema.at("/properties/displayName/pattern").asText());
  }
}
