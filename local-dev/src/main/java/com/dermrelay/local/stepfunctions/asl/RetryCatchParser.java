package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Retry and Catch arrays: defaults, ranges, and States.ALL alone and last. */
final class RetryCatchParser {
  private static final Set<String> RETRIER_FIELDS =
      Set.of(
          "ErrorEquals",
          "IntervalSeconds",
          "MaxAttempts",
          "BackoffRate",
          "MaxDelaySeconds",
          "JitterStrategy",
          "Comment");
  private static final Set<String> CATCHER_FIELDS =
      Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

  private RetryCatchParser() {}

  static List<State.Retrier> retry(JsonNode state, String pointer)
      throws InvalidDefinitionException {
    JsonNode array = state.get("Retry");
    if (array == null) {
      return List.of();
    }
    if (!array.isArray()) {
      throw Fields.schema("The value for the field 'Retry' must be an ARRAY", pointer + "/Retry");
    }
    List<State.Retrier> retriers = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      String where = pointer + "/Retry/" + i;
      if (!node.isObject()) {
        throw Fields.schema("A retrier must be an object", where);
      }
      Fields.onlyAllowed(node, RETRIER_FIELDS, where);
      List<String> errors = errorEquals(node, where, i == array.size() - 1, "Retry");
      Integer interval = Fields.positiveInt(node, "IntervalSeconds", where, 1);
      Integer maxAttempts = Fields.positiveInt(node, "MaxAttempts", where, 0);
      Integer maxDelay = Fields.positiveInt(node, "MaxDelaySeconds", where, 1);
      JsonNode backoff = node.get("BackoffRate");
      if (backoff != null && (!backoff.isNumber() || backoff.doubleValue() < 1.0)) {
        throw Fields.schema(
            "The value for the field 'BackoffRate' must be a number >= 1.0",
            where + "/BackoffRate");
      }
      // JitterStrategy FULL is accepted but ignored, so that intervals stay deterministic locally.
      String jitter = Fields.optionalText(node, "JitterStrategy", where);
      if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
        throw Fields.schema("JitterStrategy must be FULL or NONE", where + "/JitterStrategy");
      }
      retriers.add(
          new State.Retrier(
              errors,
              interval == null ? 1 : interval,
              maxAttempts == null ? 3 : maxAttempts,
              backoff == null ? 2.0 : backoff.doubleValue(),
              maxDelay));
    }
    return List.copyOf(retriers);
  }

  static List<State.Catcher> catchers(JsonNode state, String pointer)
      throws InvalidDefinitionException {
    JsonNode array = state.get("Catch");
    if (array == null) {
      return List.of();
    }
    if (!array.isArray()) {
      throw Fields.schema("The value for the field 'Catch' must be an ARRAY", pointer + "/Catch");
    }
    List<State.Catcher> catchers = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      String where = pointer + "/Catch/" + i;
      if (!node.isObject()) {
        throw Fields.schema("A catcher must be an object", where);
      }
      Fields.onlyAllowed(node, CATCHER_FIELDS, where);
      List<String> errors = errorEquals(node, where, i == array.size() - 1, "Catch");
      String next = Fields.requiredText(node, "Next", where);
      catchers.add(new State.Catcher(errors, next, Fields.resultPath(node, "ResultPath", where)));
    }
    return List.copyOf(catchers);
  }

  private static List<String> errorEquals(JsonNode node, String where, boolean last, String field)
      throws InvalidDefinitionException {
    JsonNode array = node.get("ErrorEquals");
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw Fields.schema("The field 'ErrorEquals' must be a non-empty array of strings", where);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode name : array) {
      if (!name.isTextual()) {
        throw Fields.schema(
            "The field 'ErrorEquals' must be a non-empty array of strings", where + "/ErrorEquals");
      }
      String text = name.textValue();
      if (text.startsWith("States.") && !ErrorNames.PREDEFINED.contains(text)) {
        throw Fields.schema(
            "'" + text + "' is not a predefined error name", where + "/ErrorEquals");
      }
      names.add(text);
    }
    if (names.contains(ErrorNames.ALL) && (names.size() > 1 || !last)) {
      throw Fields.schema(
          "States.ALL must appear alone in ErrorEquals and only in the last "
              + (field.equals("Retry") ? "retrier" : "catcher"),
          where + "/ErrorEquals");
    }
    return List.copyOf(names);
  }
}
