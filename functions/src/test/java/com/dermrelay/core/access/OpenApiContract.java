package com.dermrelay.core.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** api-spec/openapi.yaml as tests read it: every operation with its route key. */
public final class OpenApiContract {
  public static final Path FILE = Path.of("..", "api-spec", "openapi.yaml");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** One operation of the contract. */
  public record Operation(String method, String path, JsonNode node, JsonNode document) {
    public String routeKey() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    public String operationId() {
      return node.path("operationId").asText();
    }

    public boolean isPublic() {
      JsonNode security = node.has("security") ? node.get("security") : document.get("security");
      return security != null && security.isArray() && security.isEmpty();
    }

    public List<String> roles() {
      List<String> roles = new ArrayList<>();
      node.path("x-roles").forEach(r -> roles.add(r.asText()));
      return roles;
    }

    public boolean tenantScoped() {
      return path.equals(AccessRules.TENANT_PATH_PREFIX)
          || path.startsWith(AccessRules.TENANT_PATH_PREFIX + "/");
    }

    /** Names of the path's {parameters}, in order. */
    public List<String> pathParameters() {
      List<String> names = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    public boolean hasBody() {
      return node.has("requestBody");
    }
  }

  private OpenApiContract() {}

  public static JsonNode document() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Operation> operations() {
    JsonNode document = document();
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (METHODS.contains(op.getKey())) {
          operations.add(new Operation(op.getKey(), path.getKey(), op.getValue(), document));
        }
      }
    }
    return operations;
  }

  static boolean exists() {
    return Files.isRegularFile(FILE);
  }
}
