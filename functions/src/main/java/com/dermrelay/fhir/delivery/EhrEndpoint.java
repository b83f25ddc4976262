package com.dermrelay.fhir.delivery;

import com.dermrelay.core.tenancy.TenantRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A clinic's EHR endpoint as its configuration names it ({@code ehr} in tenant.schema.json,
 * validated on the way in): where to POST, how to authenticate, how photos travel, how long a call
 * may take. Secrets are not here: {@link EhrSecrets} holds them.
 */
public record EhrEndpoint(
    URI baseUrl,
    AuthType authType,
    Optional<URI> tokenUrl,
    Optional<String> scope,
    Media media,
    Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_LINK_LIFETIME = Duration.ofHours(24);

  public enum AuthType {
    OAUTH2_CLIENT_CREDENTIALS,
    BEARER
  }

  /** How photos travel in the Bundle: a short-lived link, inline bytes, or left out. */
  public record Media(MediaMode mode, Duration linkLifetime) {}

  public enum MediaMode {
    LINK,
    INLINE,
    OMIT
  }

  /** The clinic's endpoint, or empty when it has none (nothing is delivered). */
  public static Optional<EhrEndpoint> of(TenantRecord tenant) {
    JsonNode ehr = tenant.config().get("ehr");
    if (ehr == null || !ehr.isObject() || !ehr.hasNonNull("fhirBaseUrl")) {
      return Optional.empty();
    }
    JsonNode auth = ehr.path("auth");
    AuthType type =
        "oauth2-client-credentials".equals(auth.path("type").asText())
            ? AuthType.OAUTH2_CLIENT_CREDENTIALS
            : AuthType.BEARER;
    JsonNode media = ehr.path("media");
    MediaMode mode =
        switch (media.path("mode").asText("link")) {
          case "inline" -> MediaMode.INLINE;
          case "omit" -> MediaMode.OMIT;
          default -> MediaMode.LINK;
        };
    Duration lifetime =
        media.has("linkHours")
            ? Duration.ofHours(media.get("linkHours").asInt())
            : DEFAULT_LINK_LIFETIME;
    Duration timeout =
        ehr.has("timeoutSeconds")
            ? Duration.ofSeconds(ehr.get("timeoutSeconds").asInt())
            : DEFAULT_TIMEOUT;
    return Optional.of(
        new EhrEndpoint(
            URI.create(ehr.get("fhirBaseUrl").asText()),
            type,
            Optional.ofNullable(auth.get("tokenUrl")).map(JsonNode::asText).map(URI::create),
            Optional.ofNullable(auth.get("scope")).map(JsonNode::asText),
            new Media(mode, lifetime),
            timeout));
  }
}
