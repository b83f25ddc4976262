package com.dermrelay.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the route table from the OpenAPI contract, the single source of the HTTP API's routes:
 * each operation names its handler in {@code x-handler}; its effective {@code security} (the
 * operation's, else the document's) decides whether the JWT authorizer guards it.
 */
public final class OpenApiRoutes {
  /** Where the packaged module carries {@code api-spec/openapi.yaml}. */
  public static final String DEFAULT_RESOURCE = "dermrelay/api-spec/openapi.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OpenApiRoutes() {}

  public static RouteTable fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return fromYaml(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenAPI document " + file, e);
    }
  }

  public static RouteTable fromClasspath(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = OpenApiRoutes.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no OpenAPI document on the classpath at " + resource);
      }
      return fromYaml(in, "classpath:" + resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenAPI document classpath:" + resource, e);
    }
  }

  /**
   * @param source names the document in error messages
   * @throws IllegalArgumentException if an operation lacks what routing needs
   */
  public static RouteTable fromYaml(InputStream yaml, String source) throws IOException {
    JsonNode document = YAML.readTree(yaml);
    if (document == null || !document.path("paths").isObject()) {
      throw new IllegalArgumentException(source + ": no 'paths' object");
    }
    JsonNode defaultSecurity = document.get("security");
    JsonNode schemes = document.path("components").path("securitySchemes");
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (METHODS.contains(op.getKey())) {
          String where = source + ": " + op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
          routes.add(
              route(where, path.getKey(), op.getKey(), op.getValue(), defaultSecurity, schemes));
        }
      }
    }
    try {
      return new RouteTable(routes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static Route route(
      String where,
      String path,
      String method,
      JsonNode operation,
      JsonNode defaultSecurity,
      JsonNode schemes) {
    String operationId = requiredText(operation, "operationId", where);
    String handler = requiredText(operation, "x-handler", where);
    JsonNode security = operation.has("security") ? operation.get("security") : defaultSecurity;
    boolean requiresJwt = false;
    List<String> scopes = new ArrayList<>();
    if (security != null && !security.isNull()) {
      if (!security.isArray()) {
        throw new IllegalArgumentException(where + ": 'security' must be a list");
      }
      boolean anonymousAllowed = security.isEmpty();
      for (JsonNode requirement : security) {
        if (requirement.isEmpty()) {
          // OpenAPI's {} is "no auth is also fine"; API Gateway has no optional auth, so: public.
          anonymousAllowed = true;
        }
        for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
          if (!schemes.has(scheme.getKey())) {
            throw new IllegalArgumentException(
                where + ": security scheme '" + scheme.getKey() + "' is not declared");
          }
          scheme.getValue().forEach(scope -> scopes.add(scope.asText()));
        }
      }
      requiresJwt = !anonymousAllowed;
    }
    return new Route(
        method.toUpperCase(Locale.ROOT),
        path,
        operationId,
        handler,
        requiresJwt,
        requiresJwt ? scopes : List.of());
  }

  private static String requiredText(JsonNode operation, String field, String where) {
    JsonNode value = operation.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": missing '" + field + "'");
    }
    return value.asText().trim();
  }
}
