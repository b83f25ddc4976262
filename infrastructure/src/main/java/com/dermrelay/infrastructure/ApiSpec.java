package com.dermrelay.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations of {@code api-spec/openapi.yaml}, the single source of the HTTP API's routes (the
 * local gateway routes from the same file). Reading fails, and so synthesis fails, on an operation
 * without {@code x-handler} or without an {@code operationId}.
 */
public final class ApiSpec {

  static final String HANDLER_EXTENSION = "x-handler";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch");

  private final List<ApiOperation> operations;

  private ApiSpec(List<ApiOperation> operations) {
    this.operations = List.copyOf(operations);
  }

  public static ApiSpec load(Path specFile) {
    if (!Files.isRegularFile(specFile)) {
      throw new IllegalStateException("The OpenAPI contract " + specFile + " does not exist");
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(specFile.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the OpenAPI contract " + specFile + ": " + e.getMessage(), e);
    }
    return parse(root, specFile.toString());
  }

  static ApiSpec parse(JsonNode root, String source) {
    // The document-wide default applies unless an operation overrides it; an empty list means
    // public.
    boolean publicByDefault = isEmptySecurity(root.get("security"));
    List<ApiOperation> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> entries = path.getValue().fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        if (!METHODS.contains(entry.getKey())) {
          continue; // parameters, summary, servers, x-... at path level
        }
        String method = entry.getKey().toUpperCase(Locale.ROOT);
        JsonNode operation = entry.getValue();
        String where = method + " " + path.getKey() + " in " + source;
        String handler = operation.path(HANDLER_EXTENSION).asText("");
        if (handler.isBlank()) {
          throw new IllegalStateException(
              where
                  + " has no "
                  + HANDLER_EXTENSION
                  + ": every operation must name its handler class");
        }
        String operationId = operation.path("operationId").asText("");
        if (operationId.isBlank()) {
          throw new IllegalStateException(where + " has no operationId");
        }
        JsonNode security = operation.get("security");
        boolean isPublic = security == null ? publicByDefault : isEmptySecurity(security);
        operations.add(
            new ApiOperation(method, path.getKey(), operationId, handler.trim(), isPublic));
      }
    }
    if (operations.isEmpty()) {
      throw new IllegalStateException("The OpenAPI contract " + source + " has no operations");
    }
    return new ApiSpec(operations);
  }

  private static boolean isEmptySecurity(JsonNode security) {
    return security != null && security.isArray() && security.isEmpty();
  }

  public List<ApiOperation> operations() {
    return operations;
  }

  /**
   * The operations by the capability package of their handler ({@link ApiOperation#capability()}),
   * capabilities in alphabetical order, operations in contract order: one {@link ApiFunctionsStack}
   * each. Fails naming the operation whose handler is in no capability package.
   */
  public Map<String, List<ApiOperation>> byCapability() {
    Map<String, List<ApiOperation>> groups = new TreeMap<>();
    for (ApiOperation op : operations) {
      String capability;
      try {
        capability = op.capability();
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            op.routeKey() + " (" + op.operationId() + "): " + e.getMessage(), e);
      }
      groups.computeIfAbsent(capability, c -> new ArrayList<>()).add(op);
    }
    groups.replaceAll((capability, ops) -> List.copyOf(ops));
    return Collections.unmodifiableMap(groups);
  }

  /** Every distinct handler class, in the order the contract first names them. */
  public List<String> handlers() {
    Set<String> handlers = new LinkedHashSet<>();
    operations.forEach(op -> handlers.add(op.handler()));
    return List.copyOf(handlers);
  }
}
