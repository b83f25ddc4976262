package com.dermrelay.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The security headers CloudFront sends on every response in production, read from the file the CDK
 * app builds its response headers policy from ({@code infrastructure/src/main/resources/edge/
 * security-headers.json}, on this module's classpath as {@value #RESOURCE}), so the local gateway
 * and the browser tests see production's policy. Only the origins differ: the emulators' loopback
 * ones stand for this region's S3, API Gateway and Cognito.
 */
public final class SecurityHeaders {
  public static final String RESOURCE = "/dermrelay/edge/security-headers.json";

  private SecurityHeaders() {}

  /** The headers as written, with their {@code ${media}}, {@code ${api}}, {@code ${identity}}. */
  public static Map<String, String> definition() {
    try (InputStream in = SecurityHeaders.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      JsonNode definition = new ObjectMapper().readTree(in).path("headers");
      definition.properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
      return headers;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * The headers for the local stack, each placeholder replaced by the given origins (space
   * separated, e.g. {@code http://127.0.0.1:9000 http://localhost:9000}).
   */
  public static Map<String, String> local(
      List<String> apiOrigins, List<String> identityOrigins, List<String> mediaOrigins) {
    Map<String, String> headers = new LinkedHashMap<>();
    definition()
        .forEach(
            (name, value) ->
                headers.put(
                    name,
                    value
                        .replace("${media}", String.join(" ", mediaOrigins))
                        .replace("${api}", String.join(" ", apiOrigins))
                        .replace("${identity}", String.join(" ", identityOrigins))));
    return Map.copyOf(headers);
  }

  /** {@code http://127.0.0.1:9000} as the browser may name it: that, and with {@code localhost}. */
  public static List<String> loopbackOrigins(String url) {
    String origin = url.replaceAll("^(https?://[^/]+).*$", "$1");
    String other =
        origin.contains("://127.0.0.1:")
            ? origin.replace("://127.0.0.1:", "://localhost:")
            : origin.replace("://localhost:", "://127.0.0.1:");
    return other.equals(origin) ? List.of(origin) : List.of(origin, other);
  }
}
