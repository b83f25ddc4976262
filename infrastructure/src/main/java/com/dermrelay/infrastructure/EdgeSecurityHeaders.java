package com.dermrelay.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;

/**
 * The security headers of {@value #RESOURCE}, the one definition CloudFront's response headers
 * policy is built from here and the local gateway serves (local-dev reads the same file), so the
 * browser tests run under production's policy. CloudFront takes typed settings, not header lines:
 * this class turns each header into its setting and fails the synth on a value it cannot express.
 */
final class EdgeSecurityHeaders {
  static final String RESOURCE = "/edge/security-headers.json";
  private static final Pattern HSTS =
      Pattern.compile("^max-age=(\\d+)((?:; ?includeSubDomains)?)((?:; ?preload)?)$");

  private EdgeSecurityHeaders() {}

  /** The headers as written, with their {@code ${...}} placeholders. */
  static Map<String, String> definition() {
    try (InputStream in = EdgeSecurityHeaders.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      JsonNode headers = new ObjectMapper().readTree(in).path("headers");
      Map<String, String> definition = new LinkedHashMap<>();
      headers.properties().forEach(h -> definition.put(h.getKey(), h.getValue().asText()));
      return definition;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The headers with this region's S3, API Gateway and Cognito origins. */
  static Map<String, String> forRegion(String region) {
    Map<String, String> headers = new LinkedHashMap<>();
    definition()
        .forEach(
            (name, value) ->
                headers.put(
                    name,
                    value
                        .replace("${media}", "https://*.s3." + region + ".amazonaws.com")
                        .replace("${api}", "https://*.execute-api." + region + ".amazonaws.com")
                        .replace(
                            "${identity}", "https://cognito-idp." + region + ".amazonaws.com")));
    return headers;
  }

  /** CloudFront's settings for the headers, each overriding whatever the origin sent. */
  static ResponseSecurityHeadersBehavior behavior(String region) {
    Map<String, String> headers = new LinkedHashMap<>(forRegion(region));
    ResponseSecurityHeadersBehavior.Builder behavior = ResponseSecurityHeadersBehavior.builder();
    behavior.contentSecurityPolicy(
        ResponseHeadersContentSecurityPolicy.builder()
            .contentSecurityPolicy(take(headers, "Content-Security-Policy"))
            .override(true)
            .build());
    Matcher hsts = HSTS.matcher(take(headers, "Strict-Transport-Security"));
    if (!hsts.matches()) {
      throw new IllegalStateException(
          "Strict-Transport-Security: CloudFront takes max-age, includeSubDomains, preload");
    }
    behavior.strictTransportSecurity(
        ResponseHeadersStrictTransportSecurity.builder()
            .accessControlMaxAge(Duration.seconds(Long.parseLong(hsts.group(1))))
            .includeSubdomains(!hsts.group(2).isEmpty())
            .preload(!hsts.group(3).isEmpty())
            .override(true)
            .build());
    if (!take(headers, "X-Content-Type-Options").equals("nosniff")) {
      throw new IllegalStateException("X-Content-Type-Options: CloudFront sends nosniff only");
    }
    behavior.contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build());
    behavior.frameOptions(
        ResponseHeadersFrameOptions.builder()
            .frameOption(HeadersFrameOption.valueOf(take(headers, "X-Frame-Options")))
            .override(true)
            .build());
    behavior.referrerPolicy(
        ResponseHeadersReferrerPolicy.builder()
            .referrerPolicy(
                HeadersReferrerPolicy.valueOf(
                    take(headers, "Referrer-Policy").toUpperCase(Locale.ROOT).replace('-', '_')))
            .override(true)
            .build());
    if (!headers.isEmpty()) {
      throw new IllegalStateException(
          "headers CloudFront's security settings cannot send: " + headers.keySet());
    }
    return behavior.build();
  }

  private static String take(Map<String, String> headers, String name) {
    String value = headers.remove(name);
    if (value == null) {
      throw new IllegalStateException(RESOURCE + " lacks " + name);
    }
    return value;
  }
}
