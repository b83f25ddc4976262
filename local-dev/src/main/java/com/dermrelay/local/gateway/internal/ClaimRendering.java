package com.dermrelay.local.gateway.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Claims as HTTP API's JWT authorizer hands them to the integration: every value a string, as Go's
 * {@code fmt} prints it. So {@code cognito:groups} arrives as {@code "[patient clinic_admin]"},
 * numbers as their digits, objects as {@code map[k:v]}. Handlers must parse what they need.
 */
public final class ClaimRendering {
  private ClaimRendering() {}

  public static String render(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue())
          .stripTrailingZeros()
          .toPlainString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ClaimRendering::render).collect(Collectors.joining(" ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      // Go prints a map with its keys sorted.
      return new TreeMap<>(map)
          .entrySet().stream()
              .map(entry -> entry.getKey() + ":" + render(entry.getValue()))
              .collect(Collectors.joining(" ", "map[", "]"));
    }
    return String.valueOf(value);
  }
}
