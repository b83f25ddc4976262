package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/** Typed reads of definition fields that refuse wrong types with a pointer to the field. */
final class Fields {
  private static final Set<String> UNSUPPORTED_FEATURES =
      Set.of(
          "Assign",
          "Arguments",
          "Output",
          "Credentials",
          "ItemProcessor",
          "ItemReader",
          "ItemSelector",
          "ItemsPath");

  private Fields() {}

  static InvalidDefinitionException schema(String detail, String pointer) {
    return InvalidDefinitionException.at("SCHEMA_VALIDATION_FAILED", detail, pointer);
  }

  static void onlyAllowed(JsonNode node, Set<String> allowed, String pointer)
      throws InvalidDefinitionException {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        String why =
            UNSUPPORTED_FEATURES.contains(field)
                ? "Field '"
                    + field
                    + "' is not supported by the local Step Functions emulator (JSONata, variables and Map are not implemented)"
                : "Field '" + field + "' is not supported";
        throw schema(why, pointer + "/" + field);
      }
    }
  }

  static String requiredText(JsonNode node, String field, String pointer)
      throws InvalidDefinitionException {
    String value = optionalText(node, field, pointer);
    if (value == null) {
      throw schema("The field '" + field + "' is required", pointer);
    }
    return value;
  }

  static String optionalText(JsonNode node, String field, String pointer)
      throws InvalidDefinitionException {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw schema(
          "The value for the field '" + field + "' must be a STRING", pointer + "/" + field);
    }
    return value.textValue();
  }

  /** InputPath/OutputPath: "$" when absent, null when JSON null, else a valid path. */
  static String ioPath(JsonNode node, String field, String pointer)
      throws InvalidDefinitionException {
    JsonNode value = node.get(field);
    if (value == null) {
      return "$";
    }
    if (value.isNull()) {
      return null;
    }
    String path = optionalText(node, field, pointer);
    if (path.startsWith("$$")) {
      throw schema(
          "The local emulator does not support the context object in '" + field + "'",
          pointer + "/" + field);
    }
    try {
      JsonPaths.validate(path);
    } catch (IllegalArgumentException e) {
      throw schema(
          "The value for the field '" + field + "' must be a valid JSONPath: " + e.getMessage(),
          pointer + "/" + field);
    }
    return path;
  }

  /** A reference path field (SecondsPath, TimeoutSecondsPath...), null when absent. */
  static String referencePath(JsonNode node, String field, String pointer)
      throws InvalidDefinitionException {
    String path = optionalText(node, field, pointer);
    if (path != null && !ResultPath.isReferencePath(path)) {
      throw schema(
          "The value for the field '" + field + "' must be a valid reference path",
          pointer + "/" + field);
    }
    return path;
  }

  static ResultPath resultPath(JsonNode node, String field, String pointer)
      throws InvalidDefinitionException {
    JsonNode value = node.get(field);
    if (value == null) {
      return ResultPath.ROOT;
    }
    if (value.isNull()) {
      return ResultPath.DISCARD;
    }
    String text = optionalText(node, field, pointer);
    try {
      return ResultPath.parse(text);
    } catch (IllegalArgumentException e) {
      throw schema(
          "The value for the field '"
              + field
              + "' must be a valid reference path: "
              + e.getMessage(),
          pointer + "/" + field);
    }
  }

  static Integer positiveInt(JsonNode node, String field, String pointer, int min)
      throws InvalidDefinitionException {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
      throw schema(
          "The value for the field '" + field + "' must be an integer >= " + min,
          pointer + "/" + field);
    }
    return value.intValue();
  }

  /** A payload template (Parameters, ResultSelector); null when absent. */
  static JsonNode template(JsonNode node, String field, String pointer)
      throws InvalidDefinitionException {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (field.equals("ResultSelector") && !value.isObject()) {
      throw schema(
          "The value for the field 'ResultSelector' must be an OBJECT", pointer + "/" + field);
    }
    PayloadTemplate.validate(value, pointer + "/" + field);
    return value;
  }
}
