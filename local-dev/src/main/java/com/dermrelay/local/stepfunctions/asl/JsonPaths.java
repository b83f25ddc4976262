package com.dermrelay.local.stepfunctions.asl;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath reads over Jackson trees (jayway json-path). Nodes are treated as immutable values: a
 * read may return a node shared with the document, so callers copy before they change anything.
 */
public final class JsonPaths {
  private static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Exchanges.JSON))
          .mappingProvider(new JacksonMappingProvider(Exchanges.JSON))
          .build();
  private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

  private JsonPaths() {}

  /** Compiles a path, throwing IllegalArgumentException with the reason when it is not valid. */
  public static void validate(String path) {
    compile(path);
  }

  public static boolean isDefinite(String path) {
    return compile(path).isDefinite();
  }

  /** The value at {@code path}, empty when the path selects nothing in a definite path. */
  public static Optional<JsonNode> read(JsonNode document, String path) {
    JsonPath compiled = compile(path);
    if ("$".equals(path)) {
      return Optional.of(document);
    }
    try {
      Object value = compiled.read(document, CONFIGURATION);
      if (value instanceof JsonNode node) {
        return Optional.of(node);
      }
      return Optional.of(Exchanges.JSON.valueToTree(value));
    } catch (PathNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Reads a path that must select something, or fails with States.Runtime naming the field. */
  public static JsonNode require(JsonNode document, String path, String what) {
    return read(document, path)
        .orElseThrow(
            () ->
                StatesError.runtime(
                    "Invalid path '"
                        + path
                        + "' : No results for path: "
                        + path
                        + " ("
                        + what
                        + ") in input '"
                        + abbreviate(document)
                        + "'"));
  }

  static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }

  private static JsonPath compile(String path) {
    if (path == null || !path.startsWith("$")) {
      throw new IllegalArgumentException("a path must begin with '$': " + path);
    }
    JsonPath cached = COMPILED.get(path);
    if (cached != null) {
      return cached;
    }
    try {
      JsonPath compiled = JsonPath.compile(path);
      COMPILED.put(path, compiled);
      return compiled;
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid JSONPath '" + path + "': " + e.getMessage(), e);
    }
  }
}
