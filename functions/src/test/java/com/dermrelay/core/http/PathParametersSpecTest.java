package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.access.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a path parameter of api-spec/openapi.yaml has no format the functions can
 * check (a string without maxLength and pattern, an integer without minimum and maximum), and keeps
 * the compiled table the functions load at cold start in step with the contract. After changing a
 * path parameter, regenerate with {@code mvn -o -q -DskipNpm=true -pl functions test
 * -Dtest=PathParametersSpecTest -Ddermrelay.writePathParameters=true}.
 */
class PathParametersSpecTest {
  static final Path COMPILED =
      Path.of("src", "main", "resources", "dermrelay", "path-parameters.json");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void everyPathParameterDeclaresAFormatTheFunctionsCheck() {
    List<String> problems = new ArrayList<>();
    for (OpenApiContract.Operation op : OpenApiContract.operations()) {
      List<String> declared = new ArrayList<>();
      for (JsonNode parameter : pathParameters(op)) {
        String name = parameter.path("name").asText();
        declared.add(name);
        JsonNode schema = parameter.path("schema");
        String where = op.routeKey() + " {" + name + "}";
        switch (schema.path("type").asText()) {
          case "string" -> {
            if (!schema.has("maxLength") || !schema.has("pattern")) {
              problems.add(where + ": a string path parameter needs maxLength and pattern");
            } else if (!schema.get("pattern").asText().startsWith("^")
                || !schema.get("pattern").asText().endsWith("$")) {
              problems.add(
                  where + ": anchor the pattern (^...$): it must describe the whole value");
            }
          }
          case "integer" -> {
            if (!schema.has("minimum") || !schema.has("maximum")) {
              problems.add(where + ": an integer path parameter needs minimum and maximum");
            }
          }
          default -> problems.add(where + ": a path parameter is a string or an integer");
        }
      }
      if (!Set.copyOf(declared).equals(Set.copyOf(op.pathParameters()))) {
        problems.add(op.routeKey() + ": declares path parameters " + declared);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theCompiledTableMatchesTheContract() throws Exception {
    String expected = JSON.writeValueAsString(compile()) + "\n";
    if (Boolean.getBoolean("dermrelay.writePathParameters")) {
      Files.writeString(COMPILED, expected, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(COMPILED), "missing " + COMPILED);
    assertEquals(
        expected,
        Files.readString(COMPILED, StandardCharsets.UTF_8),
        "path-parameters.json is stale: regenerate it (see this test's Javadoc)");
  }

  @Test
  void theCompiledTableCoversEveryOperationWithPathParameters() {
    PathParameterFormats formats = PathParameterFormats.parse(compile());
    for (OpenApiContract.Operation op : OpenApiContract.operations()) {
      if (op.pathParameters().isEmpty()) {
        continue;
      }
      assertEquals(
          Set.copyOf(op.pathParameters()),
          formats.all().get(op.routeKey()).keySet(),
          op.routeKey());
    }
  }

  static ObjectNode compile() {
    ObjectNode table = JSON.createObjectNode();
    OpenApiContract.operations().stream()
        .filter(op -> !op.pathParameters().isEmpty())
        .sorted(Comparator.comparing(OpenApiContract.Operation::routeKey))
        .forEach(
            op -> {
              ObjectNode route = table.putObject(op.routeKey());
              for (JsonNode parameter : pathParameters(op)) {
                JsonNode schema = parameter.path("schema");
                ObjectNode format = route.putObject(parameter.path("name").asText());
                format.put("type", schema.path("type").asText());
                for (String keyword : List.of("maxLength", "pattern", "minimum", "maximum")) {
                  if (schema.has(keyword)) {
                    format.set(keyword, schema.get(keyword));
                  }
                }
              }
            });
    return table;
  }

  /** The operation's path parameters, references resolved. */
  private static List<JsonNode> pathParameters(OpenApiContract.Operation op) {
    List<JsonNode> parameters = new ArrayList<>();
    for (JsonNode parameter : op.node().path("parameters")) {
      JsonNode resolved =
          parameter.has("$ref")
              ? op.document().at(parameter.get("$ref").asText().substring(1))
              : parameter;
      if (resolved.path("in").asText().equals("path")) {
        parameters.add(resolved);
      }
    }
    return parameters;
  }
}
