package com.dermrelay.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads a JSON request body into a typed request, turning every way it can be wrong into a precise
 * 4xx problem: missing body, wrong content type, malformed JSON, unknown or mistyped fields.
 * Details name the field by JSON pointer, never the submitted values.
 *
 * <p>Strict about types: what a client sent is never turned into something else. No string to
 * number ("7" for 7), no fraction to whole number (6.9 for 6), no number or boolean to string, no
 * number to boolean, no empty string to null, no explicit null for a primitive; each is a 400
 * naming the field. A whole number where a fraction is allowed (7 for 7.0) is the same number and
 * is read.
 */
public final class RequestBodies {
  private final ObjectReader reader;
  private final ObjectMapper mapper;

  /** {@code mapper} is the container's shared one; the strict reading is a copy of it. */
  public RequestBodies(ObjectMapper mapper) {
    this.mapper = strict(mapper.copy());
    this.reader =
        this.mapper
            .reader()
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  /** The coercions Jackson would otherwise make silently, each refused. */
  static ObjectMapper strict(ObjectMapper mapper) {
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    for (LogicalType type :
        List.of(LogicalType.POJO, LogicalType.Collection, LogicalType.Map, LogicalType.Array)) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    return mapper;
  }

  public <T> T read(ApiRequest request, Class<T> type) {
    requireJsonContentType(request.header("content-type").orElse(null));
    String body = text(request.event());
    if (body == null || body.isBlank()) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "The request body is empty; a JSON object is required.");
    }
    JsonNode tree = parse(body);
    if (!tree.isObject()) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "The request body must be a JSON object.");
    }
    refuseNullForPrimitives(tree, type, "");
    try {
      return reader.forType(type).readValue(tree);
    } catch (UnrecognizedPropertyException e) {
      throw fieldProblem(pointer(e.getPath()), "is not a field of this request");
    } catch (MismatchedInputException e) {
      throw fieldProblem(pointer(e.getPath()), expected(e.getTargetType()));
    } catch (JsonMappingException e) {
      // e.g. a number too large for its field, wrapped with the path where it was found
      throw fieldProblem(
          pointer(e.getPath()),
          e.getCause() instanceof InputCoercionException coercion
              ? expected(coercion.getTargetType())
              : "has the wrong type or shape");
    } catch (InputCoercionException e) {
      throw fieldProblem("", expected(e.getTargetType()));
    } catch (IOException e) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "The request body does not match the expected shape.");
    }
  }

  /**
   * An explicit null is not false or 0. Jackson cannot tell it from a field left out (which keeps
   * its documented default), so the records' primitive components are checked on the tree.
   */
  private static void refuseNullForPrimitives(JsonNode node, Class<?> type, String at) {
    if (!node.isObject() || !type.isRecord()) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      JsonNode value = node.get(component.getName());
      String pointer = at + "/" + component.getName();
      if (value == null) {
        continue;
      }
      if (value.isNull() && component.getType().isPrimitive()) {
        throw fieldProblem(pointer, expected(component.getType()));
      }
      refuseNullForPrimitives(value, component.getType(), pointer);
      if (value.isArray()
          && component.getGenericType() instanceof ParameterizedType list
          && list.getActualTypeArguments()[0] instanceof Class<?> element) {
        for (int i = 0; i < value.size(); i++) {
          refuseNullForPrimitives(value.get(i), element, pointer + "/" + i);
        }
      }
    }
  }

  private static ApiProblem fieldProblem(String pointer, String detail) {
    String named = pointer.isEmpty() ? "The body" : "Field '" + pointer + "'";
    return new ApiProblem(
        400,
        ProblemTypes.INVALID_REQUEST,
        "Bad Request",
        named + " " + detail + ".",
        List.of(new ApiProblem.FieldError(pointer, detail)));
  }

  /** What the field takes, in words a client developer reads without our class names. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type or shape";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (type.isEnum()) {
      return "must be one of the allowed values";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be an array";
    }
    return "must be an object";
  }

  /** The RFC 6901 pointer of a mapping error's path: {@code /intake/bodySites/0/region}. */
  static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        pointer.append('/').append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        pointer.append('/').append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  /** Syntax first, so a broken document is always malformed-json, whatever its shape. */
  private JsonNode parse(String body) {
    try {
      return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiProblem.badRequest(
          ProblemTypes.MALFORMED_JSON, "The request body is not valid JSON" + where + ".");
    }
  }

  private static void requireJsonContentType(String contentType) {
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

  private static String text(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return body;
  }
}
