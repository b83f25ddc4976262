package com.dermrelay.local.gateway.contract;

import com.dermrelay.local.gateway.contract.ApiContract.BodySpec;
import com.dermrelay.local.gateway.contract.ApiContract.ParameterSpec;
import com.dermrelay.local.gateway.contract.ApiContract.ResponseSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One operation of the contract and the rules an exchange with it must keep. A response always
 * validates: its status is declared (exactly, as {@code 4XX}, or by {@code default}), its content
 * type is one the status declares, its JSON body matches that schema and the headers the status
 * requires are there. A request that breaks the contract (a parameter, a missing or malformed body)
 * must be refused with a 4xx; answering it otherwise is a violation.
 */
public final class OperationContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final String operationId;
  private final String routeKey;
  private final List<ParameterSpec> parameters;
  private final BodySpec requestBody;
  private final Map<String, ResponseSpec> responses;

  OperationContract(
      String operationId,
      String routeKey,
      List<ParameterSpec> parameters,
      BodySpec requestBody,
      Map<String, ResponseSpec> responses) {
    this.operationId = operationId;
    this.routeKey = routeKey;
    this.parameters = List.copyOf(parameters);
    this.requestBody = requestBody;
    this.responses = Map.copyOf(responses);
  }

  public String operationId() {
    return operationId;
  }

  public String routeKey() {
    return routeKey;
  }

  /** Every way the exchange breaks the contract; empty when it keeps it. */
  public List<ContractViolation> check(RecordedExchange exchange) {
    List<ContractViolation> violations = new ArrayList<>();
    int status = exchange.status();
    if (status < 400 || status > 499) {
      for (ContractViolation v : requestViolations(exchange)) {
        violations.add(
            new ContractViolation(
                v.operationId(),
                v.routeKey(),
                v.part() + " (answered " + status + ", not refused with a 4xx)",
                v.pointer(),
                v.keyword(),
                v.message()));
      }
    }
    violations.addAll(responseViolations(exchange));
    return violations;
  }

  /** How the request breaks the contract (before any look at the answer). */
  List<ContractViolation> requestViolations(RecordedExchange exchange) {
    List<ContractViolation> violations = new ArrayList<>();
    Map<String, List<String>> query;
    try {
      query = query(exchange.rawQuery());
    } catch (IllegalArgumentException e) {
      violations.add(
          violation(
              "request query", "", "encoding", "the query string is not valid percent-encoding"));
      query = Map.of();
    }
    for (ParameterSpec parameter : parameters) {
      String value =
          switch (parameter.in()) {
            case "path" -> exchange.pathParameters().get(parameter.name());
            case "query" -> {
              List<String> values = query.get(parameter.name());
              yield values == null || values.isEmpty() ? null : values.get(0);
            }
            case "header" -> exchange.requestHeader(parameter.name());
            default -> null; // cookie parameters: the API declares none
          };
      String part = "request " + parameter.in() + " parameter " + parameter.name();
      if (value == null) {
        if (parameter.required() && !parameter.in().equals("cookie")) {
          violations.add(
              violation(
                  part, "", "required", "required " + parameter.in() + " parameter is missing"));
        }
        continue;
      }
      if (parameter.schema() != null) {
        violations.addAll(validate(parameter.schema(), coerced(value, parameter.types()), part));
      }
    }
    if (requestBody != null) {
      violations.addAll(requestBodyViolations(exchange));
    }
    return violations;
  }

  private List<ContractViolation> requestBodyViolations(RecordedExchange exchange) {
    String part = "request body";
    if (exchange.requestBody().length == 0) {
      return requestBody.required()
          ? List.of(violation(part, "", "required", "the request body is required"))
          : List.of();
    }
    String mediaType = RecordedExchange.mediaType(exchange.requestHeader("Content-Type"));
    String declared = matchingType(requestBody.media(), mediaType);
    if (declared == null) {
      return List.of(
          violation(
              part,
              "",
              "content-type",
              "content type " + mediaType + " is not one of " + requestBody.media().keySet()));
    }
    return bodyViolations(
        requestBody.media().get(declared),
        declared,
        exchange.requestBody(),
        part + " (" + declared + ")");
  }

  /** How the response breaks the contract. */
  List<ContractViolation> responseViolations(RecordedExchange exchange) {
    int status = exchange.status();
    ResponseSpec response = responseFor(status);
    String part = "response " + status;
    if (response == null) {
      return List.of(
          violation(
              part,
              "",
              "status",
              "status "
                  + status
                  + " is not declared (declared: "
                  + responses.keySet().stream().sorted().toList()
                  + ")"));
    }
    List<ContractViolation> violations = new ArrayList<>();
    for (String header : response.requiredHeaders()) {
      if (exchange.responseHeader(header) == null) {
        violations.add(violation(part, "", "header", "required header " + header + " is missing"));
      }
    }
    boolean hasBody = exchange.responseBody().length > 0;
    if (response.media().isEmpty()) {
      if (hasBody && !exchange.method().equals("HEAD")) {
        violations.add(
            violation(part, "", "content", "a body was sent where the contract declares none"));
      }
      return violations;
    }
    if (exchange.method().equals("HEAD")) {
      return violations;
    }
    String mediaType = RecordedExchange.mediaType(exchange.responseHeader("Content-Type"));
    String declared = matchingType(response.media(), mediaType);
    if (declared == null) {
      violations.add(
          violation(
              part,
              "",
              "content-type",
              "content type " + mediaType + " is not one of " + response.media().keySet()));
      return violations;
    }
    if (!hasBody) {
      violations.add(
          violation(part + " body (" + declared + ")", "", "content", "the body is empty"));
      return violations;
    }
    violations.addAll(
        bodyViolations(
            response.media().get(declared),
            declared,
            exchange.responseBody(),
            part + " body (" + declared + ")"));
    return violations;
  }

  private ResponseSpec responseFor(int status) {
    ResponseSpec exact = responses.get(Integer.toString(status));
    if (exact != null) {
      return exact;
    }
    ResponseSpec range = responses.get((status / 100) + "XX");
    return range != null ? range : responses.get("DEFAULT");
  }

  /** The declared media type a sent one falls under: itself, {@code type/*} or {@code * /*}. */
  private static String matchingType(Map<String, Schema> media, String mediaType) {
    if (mediaType == null) {
      return null;
    }
    if (media.containsKey(mediaType)) {
      return mediaType;
    }
    int slash = mediaType.indexOf('/');
    String wildcard = slash < 0 ? null : mediaType.substring(0, slash) + "/*";
    if (wildcard != null && media.containsKey(wildcard)) {
      return wildcard;
    }
    return media.containsKey("*/*") ? "*/*" : null;
  }

  private List<ContractViolation> bodyViolations(
      Schema schema, String mediaType, byte[] body, String part) {
    if (schema == null || !isJson(mediaType)) {
      return List.of();
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JSON.readTree(text);
    } catch (IOException e) {
      return List.of(violation(part, "", "json", "the body is not JSON"));
    }
    return validate(schema, text, part);
  }

  private static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private List<ContractViolation> validate(Schema schema, String json, String part) {
    List<ContractViolation> violations = new ArrayList<>();
    for (com.networknt.schema.Error error : schema.validate(json, InputFormat.JSON)) {
      violations.add(
          violation(
              part,
              error.getInstanceLocation().toString(),
              String.valueOf(error.getKeyword()),
              error.getMessage()));
    }
    return violations;
  }

  private ContractViolation violation(String part, String pointer, String keyword, String message) {
    return new ContractViolation(operationId, routeKey, part, pointer, keyword, message);
  }

  /**
   * A parameter's text as the JSON value its schema's type asks for, where it reads as one ("7" for
   * an integer); otherwise left a string, so the schema's type check names the fault.
   */
  private static String coerced(String value, List<String> types) {
    try {
      if (types.contains("integer") && INTEGER.matcher(value).matches()) {
        return JSON.writeValueAsString(
            JsonNodeFactory.instance.numberNode(new BigDecimal(value).toBigInteger()));
      }
      if (types.contains("number") && NUMBER.matcher(value).matches()) {
        return JSON.writeValueAsString(JsonNodeFactory.instance.numberNode(new BigDecimal(value)));
      }
      if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
        return JSON.writeValueAsString(BooleanNode.valueOf(Boolean.parseBoolean(value)));
      }
      return JSON.writeValueAsString(TextNode.valueOf(value));
    } catch (IOException e) {
      throw new IllegalStateException("a parameter value cannot be written as JSON", e);
    }
  }

  /** Splits a raw query string into decoded names and values, in order. */
  private static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return values;
  }
}
