package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A ResultPath: a reference path ({@code $}, {@code $.a.b}, {@code $['a']}, {@code $.a[0]}) where a
 * result is written into a copy of the state's input, or {@link #DISCARD} ({@code null} in the
 * definition) which keeps the input and drops the result.
 */
public final class ResultPath {
  public static final ResultPath ROOT = new ResultPath("$", List.of(), false);
  public static final ResultPath DISCARD = new ResultPath(null, List.of(), true);

  private final String text;
  private final List<Object> segments; // String field names and Integer indexes
  private final boolean discard;

  private ResultPath(String text, List<Object> segments, boolean discard) {
    this.text = text;
    this.segments = segments;
    this.discard = discard;
  }

  /** Parses a reference path, throwing IllegalArgumentException with the reason. */
  public static ResultPath parse(String text) {
    return new ResultPath(text, ReferencePathParser.segments(text), false);
  }

  public String text() {
    return text;
  }

  /** Writes {@code result} into a copy of {@code input}, creating missing objects on the way. */
  public JsonNode apply(JsonNode input, JsonNode result) {
    if (discard) {
      return input;
    }
    if (segments.isEmpty()) {
      return result;
    }
    if (!input.isObject()) {
      throw mismatch(input);
    }
    JsonNode root = input.deepCopy();
    JsonNode current = root;
    for (int i = 0; i < segments.size(); i++) {
      Object segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment instanceof String field) {
        if (!current.isObject()) {
          throw mismatch(input);
        }
        ObjectNode object = (ObjectNode) current;
        if (last) {
          object.set(field, result);
        } else {
          JsonNode child = object.get(field);
          if (child == null || child.isNull()) {
            child = object.putObject(field);
          }
          current = child;
        }
      } else {
        int index = (Integer) segment;
        if (!current.isArray() || index >= current.size()) {
          throw mismatch(input);
        }
        if (last) {
          ((ArrayNode) current).set(index, result);
        } else {
          current = current.get(index);
        }
      }
    }
    return root;
  }

  private StatesError mismatch(JsonNode input) {
    return StatesError.of(
        ErrorNames.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ResultPath \""
            + text
            + "\" to input \""
            + JsonPaths.abbreviate(input)
            + "\"");
  }

  /** The reference-path subset of JSONPath: names and indexes, no wildcards or filters. */
  static final class ReferencePathParser {
    private ReferencePathParser() {}

    static List<Object> segments(String path) {
      if (path == null || !path.startsWith("$")) {
        throw new IllegalArgumentException("a reference path must begin with '$': " + path);
      }
      if (path.startsWith("$$")) {
        throw new IllegalArgumentException("a ResultPath cannot point into the context object");
      }
      List<Object> segments = new ArrayList<>();
      int i = 1;
      while (i < path.length()) {
        char c = path.charAt(i);
        if (c == '.') {
          int end = i + 1;
          while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
          }
          String name = path.substring(i + 1, end);
          if (name.isEmpty() || name.contains("*") || name.contains("@")) {
            throw new IllegalArgumentException("not a reference path: " + path);
          }
          segments.add(name);
          i = end;
        } else if (c == '[') {
          int close = path.indexOf(']', i);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed '[' in " + path);
          }
          String inner = path.substring(i + 1, close).trim();
          if (inner.length() >= 2
              && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
              && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
            segments.add(inner.substring(1, inner.length() - 1));
          } else if (inner.matches("\\d+")) {
            segments.add(Integer.valueOf(inner));
          } else {
            throw new IllegalArgumentException("not a reference path: " + path);
          }
          i = close + 1;
        } else {
          throw new IllegalArgumentException("unexpected '" + c + "' in " + path);
        }
      }
      return Collections.unmodifiableList(segments);
    }
  }

  /** Whether {@code path} is a valid reference path (used by Choice variables and *Path fields). */
  public static boolean isReferencePath(String path) {
    try {
      String own = path != null && path.startsWith("$$") ? path.substring(1) : path;
      ReferencePathParser.segments(own);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
