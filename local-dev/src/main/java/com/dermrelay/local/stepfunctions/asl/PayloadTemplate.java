package com.dermrelay.local.stepfunctions.asl;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Parameters and ResultSelector: a JSON template whose fields named {@code key.$} take their value
 * from a path into the input ({@code $...}), a path into the context object ({@code $$...}) or an
 * intrinsic function ({@code States....}). Objects inside arrays are templates too.
 */
public final class PayloadTemplate {
  private PayloadTemplate() {}

  /** Checks every {@code .$} field; the message names the field. */
  public static void validate(JsonNode template, String pointer) throws InvalidDefinitionException {
    if (template.isArray()) {
      for (int i = 0; i < template.size(); i++) {
        validate(template.get(i), pointer + "/" + i);
      }
      return;
    }
    if (!template.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = template.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String where = pointer + "/" + field.getKey();
      if (field.getKey().endsWith(".$")) {
        if (!field.getValue().isTextual()) {
          throw InvalidDefinitionException.at(
              "SCHEMA_VALIDATION_FAILED",
              "The value for the field '" + field.getKey() + "' must be a STRING",
              where);
        }
        String expression = field.getValue().textValue();
        try {
          checkExpression(expression);
        } catch (IllegalArgumentException e) {
          throw InvalidDefinitionException.at(
              "SCHEMA_VALIDATION_FAILED",
              "The value for the field '"
                  + field.getKey()
                  + "' must be a valid JSONPath or a valid intrinsic function call: "
                  + e.getMessage(),
              where);
        }
      } else {
        validate(field.getValue(), where);
      }
    }
  }

  /** A path or intrinsic call, as allowed after a {@code .$} key (also Fail's ErrorPath). */
  public static void checkExpression(String expression) {
    if (IntrinsicParser.looksLikeIntrinsic(expression)) {
      IntrinsicParser.parse(expression);
    } else if (expression.startsWith("$$")) {
      JsonPaths.validate(expression.substring(1));
    } else if (expression.startsWith("$")) {
      JsonPaths.validate(expression);
    } else {
      throw new IllegalArgumentException(
          "'" + expression + "' is neither a path nor an intrinsic function");
    }
  }

  public static JsonNode apply(JsonNode template, JsonNode input, JsonNode context) {
    if (template.isArray()) {
      ArrayNode out = Exchanges.JSON.createArrayNode();
      template.forEach(item -> out.add(apply(item, input, context)));
      return out;
    }
    if (!template.isObject()) {
      return template;
    }
    ObjectNode out = Exchanges.JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = template.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (key.endsWith(".$")) {
        String name = key.substring(0, key.length() - 2);
        out.set(name, evaluate(field.getValue().textValue(), key, input, context));
      } else {
        out.set(key, apply(field.getValue(), input, context));
      }
    }
    return out;
  }

  /** Evaluates a validated expression; a path that selects nothing is States.Runtime. */
  public static JsonNode evaluate(
      String expression, String field, JsonNode input, JsonNode context) {
    if (IntrinsicParser.looksLikeIntrinsic(expression)) {
      return IntrinsicFunctions.evaluate(IntrinsicParser.parse(expression), input, context);
    }
    boolean fromContext = expression.startsWith("$$");
    JsonNode document = fromContext ? context : input;
    String path = fromContext ? expression.substring(1) : expression;
    return JsonPaths.read(document, path)
        .orElseThrow(
            () ->
                StatesError.runtime(
                    "The JSONPath '"
                        + expression
                        + "' specified for the field '"
                        + field
                        + "' could not be found in the "
                        + (fromContext ? "context object" : "input")
                        + " '"
                        + JsonPaths.abbreviate(document)
                        + "'"));
  }
}
