package com.dermrelay.local.functions.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a handler's JSON result as HTTP API (payload format 2.0) reads it: an object with a {@code
 * statusCode} is a response; anything else is a 200 {@code application/json} body, with a JSON
 * string taken as the body text itself.
 */
public final class HttpResultMapper {
  private HttpResultMapper() {}

  public static APIGatewayV2HTTPResponse toResponse(JsonNode result) {
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    if (result != null && result.isObject() && result.has("statusCode")) {
      response.setStatusCode(result.path("statusCode").asInt());
      response.setHeaders(stringMap(result.get("headers")));
      response.setMultiValueHeaders(listMap(result.get("multiValueHeaders")));
      response.setCookies(stringList(result.get("cookies")));
      response.setBody(text(result.get("body")));
      response.setIsBase64Encoded(result.path("isBase64Encoded").asBoolean(false));
      return response;
    }
    response.setStatusCode(200);
    response.setHeaders(Map.of("content-type", "application/json"));
    response.setBody(text(result));
    return response;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static Map<String, String> stringMap(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    node.properties().forEach(field -> map.put(field.getKey(), text(field.getValue())));
    return map;
  }

  private static Map<String, List<String>> listMap(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    node.properties().forEach(field -> map.put(field.getKey(), stringList(field.getValue())));
    return map;
  }

  private static List<String> stringList(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> list = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> list.add(text(item)));
    } else {
      list.add(text(node));
    }
    return list;
  }
}
