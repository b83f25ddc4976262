package com.dermrelay.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON request body into a typed request, turning every way it can be wrong into a
 * precise 4xx problem: missing body, wrong content type, malformed JSON, unknown or mistyped
 * fields. Details name the position or field, never the submitted values.
 */
public final class RequestBodies {
  private final ObjectMapper mapper;

  public RequestBodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public <T> T read(APIGatewayV2HTTPEvent event, Class<T> type) {
    requireJsonContentType(event.getHeaders());
    String body = text(event);
    if (body == null || body.isBlank()) {
      throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "The request body is empty; a JSON object is required.");
    }
    JsonNode tree = parse(body);
    if (!tree.isObject()) {
      throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "The request body must be a JSON object.");
    }
    try {
      return mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
    } catch (UnrecognizedPropertyException e) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "Unknown field '" + e.getPropertyName() + "'.");
    } catch (MismatchedInputException e) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST,
          "Field '" + fieldPath(e) + "' has the wrong type or shape.");
    } catch (IOException e) {
      throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "The request body does not match the expected shape.");
    }
  }

  /** Syntax first, so a broken document is always malformed-json, whatever its shape. */
  private JsonNode parse(String body) {
    try {
      return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiProblem.badRequest(
          ProblemTypes.MALFORMED_JSON, "The request body is not valid JSON" + where + ".");
    }
  }

  private static void requireJsonContentType(Map<String, String> headers) {
    String contentType = header(headers, "content-type");
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
      throw new ApiProblem(
          415,
          ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported Media Type",
          "Send the body as application/json.");
    }
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static String text(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return body;
  }

  private static String fieldPath(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(body)" : path.toString();
  }
}
