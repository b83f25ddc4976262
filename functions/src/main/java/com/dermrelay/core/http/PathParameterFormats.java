package com.dermrelay.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The format of every path parameter of every route, as api-spec/openapi.yaml declares it
 * (maxLength and pattern of a string, minimum and maximum of an integer), compiled into {@value
 * #RESOURCE} (PathParametersSpecTest regenerates and checks it). {@link ApiHandler} checks a
 * request against it before the access rules run, so a value that cannot name anything (1,500
 * characters, a {@code #} that would split a key) never reaches DynamoDB or S3: production has no
 * validating gateway in front of the functions.
 */
public final class PathParameterFormats {
  public static final String RESOURCE = "/dermrelay/path-parameters.json";

  /** Integers in a path: no sign games, no leading zeros, at most 18 digits (a long). */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("^(0|[1-9][0-9]{0,17})$");

  /** What one parameter may be. */
  sealed interface Format permits Text, WholeNumber {
    boolean accepts(String value);
  }

  record Text(int maxLength, Pattern pattern) implements Format {
    @Override
    public boolean accepts(String value) {
      // Length first: the pattern never runs on a value that is too long anyway.
      return value.length() <= maxLength && pattern.matcher(value).matches();
    }
  }

  record WholeNumber(long minimum, long maximum) implements Format {
    @Override
    public boolean accepts(String value) {
      if (!WHOLE_NUMBER.matcher(value).matches()) {
        return false;
      }
      long number = Long.parseLong(value);
      return number >= minimum && number <= maximum;
    }
  }

  private final Map<String, Map<String, Format>> byRoute;

  private PathParameterFormats(Map<String, Map<String, Format>> byRoute) {
    this.byRoute = Map.copyOf(byRoute);
  }

  public static PathParameterFormats fromClasspath(ObjectMapper json) {
    try (InputStream in = PathParameterFormats.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "path parameter formats missing from the classpath: " + RESOURCE);
      }
      return parse(json.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * {@code {"DELETE /clinics/{tenantId}/members/{memberSub}": {"memberSub": {"type": "string",
   * "maxLength": 36, "pattern": "^...$"}, ...}, ...}}; integers have {@code minimum} and {@code
   * maximum} instead.
   */
  public static PathParameterFormats parse(JsonNode document) {
    Map<String, Map<String, Format>> byRoute = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> route : document.properties()) {
      Map<String, Format> formats = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> parameter : route.getValue().properties()) {
        formats.put(
            parameter.getKey(), format(route.getKey(), parameter.getKey(), parameter.getValue()));
      }
      byRoute.put(route.getKey(), Map.copyOf(formats));
    }
    return new PathParameterFormats(byRoute);
  }

  private static Format format(String route, String name, JsonNode schema) {
    String where = route + " {" + name + "}";
    switch (schema.path("type").asText()) {
      case "string" -> {
        if (!schema.path("maxLength").canConvertToInt() || !schema.path("pattern").isTextual()) {
          throw new IllegalStateException(
              where + ": a string path parameter needs maxLength and pattern");
        }
        return new Text(
            schema.get("maxLength").asInt(), Pattern.compile(schema.get("pattern").asText()));
      }
      case "integer" -> {
        if (!schema.path("minimum").canConvertToLong()
            || !schema.path("maximum").canConvertToLong()) {
          throw new IllegalStateException(
              where + ": an integer path parameter needs minimum and maximum");
        }
        return new WholeNumber(schema.get("minimum").asLong(), schema.get("maximum").asLong());
      }
      default ->
          throw new IllegalStateException(where + ": path parameters are strings or integers");
    }
  }

  /**
   * Refuses the request with 404 when a path parameter of its route is missing or not of the
   * contract's format: such a value names no resource. The detail names the parameter, never quotes
   * the value. A route the table does not know is left to the access rules, which refuse every
   * route without a rule.
   */
  public void check(APIGatewayV2HTTPEvent event) {
    Map<String, Format> formats =
        event.getRouteKey() == null ? null : byRoute.get(event.getRouteKey());
    if (formats == null) {
      return;
    }
    Map<String, String> values = event.getPathParameters();
    for (Map.Entry<String, Format> format : formats.entrySet()) {
      String value = values == null ? null : values.get(format.getKey());
      if (value == null || !format.getValue().accepts(value)) {
        throw ApiProblem.notFound(
            "No such resource: path parameter '"
                + format.getKey()
                + "' is not of the form the API gives out.");
      }
    }
  }

  /** The routes and their parameters' names, for tests. */
  Map<String, Map<String, Format>> all() {
    return byRoute;
  }
}
