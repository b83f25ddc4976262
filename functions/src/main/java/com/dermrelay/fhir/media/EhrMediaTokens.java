package com.dermrelay.fhir.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in an EHR media link ({@code GET /ehr-media/{token}}): a compact JWS, HS256, whose
 * claims are only opaque ids (tenant, case, round, photo) and the expiry. Built on the JDK's HMAC,
 * not a JOSE library: the header is fixed, and verification compares it byte for byte instead of
 * reading the algorithm from the token, so {@code alg: none} or any other algorithm is refused by
 * construction; the signature is compared in constant time, before any claim is read.
 */
public final class EhrMediaTokens {
  /** {@code {"alg":"HS256","typ":"JWT"}}, the only header we issue or accept. */
  static final String HEADER =
      base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private static final Pattern COMPACT =
      Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
  private static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern TENANT = Pattern.compile("^[a-z][a-z0-9-]{2,39}$");
  private static final int MAX_LENGTH = 1024;
  private static final int MIN_KEY_BYTES = 32;

  private final ObjectMapper json;

  /** Which photo of which answered round a link opens. */
  public record MediaRef(String tenantId, String caseId, int round, String photoId) {
    public MediaRef {
      if (tenantId == null
          || !TENANT.matcher(tenantId).matches()
          || caseId == null
          || !UUID.matcher(caseId).matches()
          || photoId == null
          || !UUID.matcher(photoId).matches()
          || round < 1
          || round > 999) {
        throw new IllegalArgumentException("not a media reference");
      }
    }
  }

  /** Why a token opens nothing. Only {@link #EXPIRED} comes from a token we signed. */
  public enum Refusal {
    INVALID,
    EXPIRED
  }

  /** What a token says: the photo, or why not. */
  public record Verified(MediaRef ref, Refusal refusal) {
    public boolean valid() {
      return refusal == null;
    }
  }

  public EhrMediaTokens(ObjectMapper json) {
    this.json = json;
  }

  public String issue(MediaRef ref, Instant expires, byte[] key) {
    String claims =
        base64(
            json.createObjectNode()
                .put("t", ref.tenantId())
                .put("c", ref.caseId())
                .put("r", ref.round())
                .put("p", ref.photoId())
                .put("exp", expires.getEpochSecond())
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    String signingInput = HEADER + "." + claims;
    return signingInput + "." + base64(hmac(key, signingInput));
  }

  /**
   * Checks the token against {@code key} at {@code now}: the exact header, the signature, then the
   * claims and the expiry. Anything that is not a whole, well-signed token of ours is INVALID.
   */
  public Verified verify(String token, Instant now, byte[] key) {
    if (token == null || token.length() > MAX_LENGTH || !COMPACT.matcher(token).matches()) {
      return invalid();
    }
    int lastDot = token.lastIndexOf('.');
    String signingInput = token.substring(0, lastDot);
    if (!signingInput.startsWith(HEADER + ".")) {
      return invalid();
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
    } catch (IllegalArgumentException e) {
      return invalid();
    }
    if (!MessageDigest.isEqual(hmac(key, signingInput), signature)) {
      return invalid();
    }
    try {
      JsonNode claims =
          json.readTree(Base64.getUrlDecoder().decode(signingInput.substring(HEADER.length() + 1)));
      if (!claims.path("exp").canConvertToLong() || !claims.path("r").canConvertToInt()) {
        return invalid();
      }
      MediaRef ref =
          new MediaRef(
              claims.path("t").asText(null),
              claims.path("c").asText(null),
              claims.path("r").asInt(),
              claims.path("p").asText(null));
      if (!now.isBefore(Instant.ofEpochSecond(claims.path("exp").asLong()))) {
        return new Verified(ref, Refusal.EXPIRED);
      }
      return new Verified(ref, null);
    } catch (java.io.IOException | IllegalArgumentException e) {
      // Signed by us yet unreadable cannot happen; treat it as any bad token.
      return invalid();
    }
  }

  private static Verified invalid() {
    return new Verified(null, Refusal.INVALID);
  }

  private static byte[] hmac(byte[] key, String signingInput) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalStateException("the EHR link key is shorter than 256 bits");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
