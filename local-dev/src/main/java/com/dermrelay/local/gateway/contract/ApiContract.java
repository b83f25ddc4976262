package com.dermrelay.local.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API's contract compiled for checking exchanges: per operation, its parameters, its
 * request body and its responses, each with the JSON Schema the contract gives it (OpenAPI 3.1
 * dialect, formats asserted). Local {@code $ref}s to components are followed. Schemas compile when
 * the contract loads, so a reference that leads nowhere fails the start, not a test.
 */
public final class ApiContract {
  /** The document's name inside the schema registry; it is registered in memory, never fetched. */
  private static final String BASE_IRI = "https://contract.dermrelay.invalid/openapi.json";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<String, OperationContract> operations = new LinkedHashMap<>();

  private ApiContract(JsonNode document, String source) {
    this.document = document;
    String json;
    try {
      json = JSON.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(source + " cannot be written as JSON", e);
    }
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    Dialect dialect = Dialect.builder(Dialects.getOpenApi31()).format(new MailboxFormat()).build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            dialect,
            builder -> builder.schemas(Map.of(BASE_IRI, json)).schemaRegistryConfig(config));
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      String pathPointer = "/paths/" + escape(path.getKey());
      List<ParameterSpec> shared =
          parameters(path.getValue().path("parameters"), pathPointer + "/parameters");
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String opPointer = pathPointer + "/" + op.getKey();
        String operationId = op.getValue().path("operationId").asText();
        if (operationId.isEmpty()) {
          throw new IllegalArgumentException(
              source + ": " + op.getKey() + " " + path.getKey() + " has no operationId");
        }
        operations.put(
            operationId,
            new OperationContract(
                operationId,
                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                merged(
                    shared,
                    parameters(op.getValue().path("parameters"), opPointer + "/parameters")),
                requestBody(op.getValue().get("requestBody"), opPointer + "/requestBody"),
                responses(op.getValue().path("responses"), opPointer + "/responses")));
      }
    }
  }

  public static ApiContract fromYaml(InputStream yaml, String source) {
    try {
      JsonNode document = YAML.readTree(yaml);
      if (document == null || !document.path("paths").isObject()) {
        throw new IllegalArgumentException(source + ": no 'paths' object");
      }
      return new ApiContract(document, source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenAPI document " + source, e);
    }
  }

  public static ApiContract fromClasspath(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ApiContract.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no OpenAPI document on the classpath at " + resource);
      }
      return fromYaml(in, "classpath:" + resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath:" + resource, e);
    }
  }

  /** The operation, or null if the contract has none of that id. */
  public OperationContract operation(String operationId) {
    return operations.get(operationId);
  }

  private List<ParameterSpec> parameters(JsonNode list, String pointer) {
    List<ParameterSpec> parameters = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Located parameter = resolve(list.get(i), pointer + "/" + i);
      JsonNode node = parameter.node();
      String in = node.path("in").asText();
      boolean required = in.equals("path") || node.path("required").asBoolean(false);
      Schema schema = node.has("schema") ? compile(parameter.pointer() + "/schema") : null;
      parameters.add(
          new ParameterSpec(
              node.path("name").asText(), in, required, schema, types(node.path("schema"))));
    }
    return parameters;
  }

  /** Operation parameters replace path-level ones of the same name and location. */
  private static List<ParameterSpec> merged(List<ParameterSpec> shared, List<ParameterSpec> own) {
    List<ParameterSpec> all = new ArrayList<>(own);
    for (ParameterSpec candidate : shared) {
      if (own.stream()
          .noneMatch(p -> p.name().equals(candidate.name()) && p.in().equals(candidate.in()))) {
        all.add(candidate);
      }
    }
    return all;
  }

  private BodySpec requestBody(JsonNode body, String pointer) {
    if (body == null) {
      return null;
    }
    Located located = resolve(body, pointer);
    return new BodySpec(
        located.node().path("required").asBoolean(false),
        media(located.node().path("content"), located.pointer() + "/content"));
  }

  private Map<String, ResponseSpec> responses(JsonNode responses, String pointer) {
    Map<String, ResponseSpec> byStatus = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : responses.properties()) {
      Located response = resolve(entry.getValue(), pointer + "/" + escape(entry.getKey()));
      List<String> requiredHeaders = new ArrayList<>();
      for (Map.Entry<String, JsonNode> header : response.node().path("headers").properties()) {
        if (resolve(header.getValue(), "").node().path("required").asBoolean(false)) {
          requiredHeaders.add(header.getKey());
        }
      }
      byStatus.put(
          entry.getKey().toUpperCase(Locale.ROOT),
          new ResponseSpec(
              media(response.node().path("content"), response.pointer() + "/content"),
              requiredHeaders));
    }
    return byStatus;
  }

  /** Media type (lower case) to its compiled schema; null where the media type has no schema. */
  private Map<String, Schema> media(JsonNode content, String pointer) {
    Map<String, Schema> byType = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : content.properties()) {
      String typePointer = pointer + "/" + escape(entry.getKey());
      byType.put(
          entry.getKey().toLowerCase(Locale.ROOT),
          entry.getValue().has("schema") ? compile(typePointer + "/schema") : null);
    }
    return byType;
  }

  private Schema compile(String pointer) {
    Schema schema = registry.getSchema(SchemaLocation.of(BASE_IRI + "#" + pointer));
    // Resolves every $ref now, so a broken reference fails here rather than in a test.
    schema.initializeValidators();
    return schema;
  }

  /** The JSON types a parameter's schema allows, following one local $ref. */
  private List<String> types(JsonNode schema) {
    JsonNode resolved = resolve(schema, "").node();
    JsonNode type = resolved.path("type");
    List<String> types = new ArrayList<>();
    if (type.isTextual()) {
      types.add(type.asText());
    } else {
      type.forEach(t -> types.add(t.asText()));
    }
    return types;
  }

  private record Located(JsonNode node, String pointer) {}

  /** Follows local {@code $ref}s ({@code #/components/...}) to the node they name. */
  private Located resolve(JsonNode node, String pointer) {
    JsonNode current = node;
    String at = pointer;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/") || hops > 10) {
        throw new IllegalArgumentException(
            "unsupported or circular $ref " + ref + " at " + pointer);
      }
      at = ref.substring(1);
      current = document.at(at);
      if (current.isMissingNode()) {
        throw new IllegalArgumentException("$ref " + ref + " at " + pointer + " leads nowhere");
      }
    }
    return new Located(current, at);
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A parameter: where it goes, whether it must be there, its schema and the types it allows. */
  record ParameterSpec(
      String name, String in, boolean required, Schema schema, List<String> types) {}

  /** A request body: whether it must be there, and its schema per media type. */
  record BodySpec(boolean required, Map<String, Schema> media) {}

  /** A response of one status key: its schema per media type, and the headers it must carry. */
  record ResponseSpec(Map<String, Schema> media, List<String> requiredHeaders) {}
}
