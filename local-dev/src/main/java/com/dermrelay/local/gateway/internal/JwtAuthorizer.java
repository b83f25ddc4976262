package com.dermrelay.local.gateway.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of API Gateway's JWT authorizer for a Cognito user pool: a bearer token, signed with
 * RS256 by a key of the issuer's JWKS, from the configured issuer, for one of the configured
 * audiences ({@code aud}, or {@code client_id} for access tokens), within its validity period.
 * Rejections say what is wrong and never repeat the token.
 */
public final class JwtAuthorizer {
  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthorizer.class);

  /** The outcome of one check. */
  public sealed interface Result {}

  /** Claims rendered as API Gateway renders them; scopes null when the token has none. */
  public record Authorized(Map<String, String> claims, List<String> scopes) implements Result {}

  /**
   * @param status 401 for a bad or missing token, 503 when the issuer's keys cannot be fetched
   * @param tokenPresent whether a token was sent (the WWW-Authenticate challenge differs)
   */
  public record Rejected(int status, String detail, boolean tokenPresent) implements Result {}

  private final String issuer;
  private final Set<String> audiences;
  private final Duration clockSkew;
  private final Clock clock;
  private final URI jwksUrl;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public JwtAuthorizer(
      String issuer, URI jwksUrl, List<String> audiences, Duration clockSkew, Clock clock) {
    this.issuer = issuer;
    this.jwksUrl = jwksUrl;
    this.audiences = Set.copyOf(audiences);
    this.clockSkew = clockSkew;
    this.clock = clock;
    JWKSource<SecurityContext> keys;
    try {
      // Cached; an unknown kid refetches at once (no rate limit: the local issuer may rotate
      // or restart at any time, and a developer should not wait 30 s for the new key).
      keys = JWKSourceBuilder.create(jwksUrl.toURL()).rateLimited(false).build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("JWKS URL is not a URL: " + jwksUrl, e);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    // API Gateway ignores the typ header; the time, issuer and audience checks are ours below,
    // so each failure gets its own message.
    processor.setJWSTypeVerifier((type, context) -> {});
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
  }

  /**
   * @param authorization the Authorization header, or null
   */
  public Result authorize(String authorization) {
    String token = bearerToken(authorization);
    if (token == null) {
      return new Rejected(
          401, "The request has no bearer token in its Authorization header.", false);
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      return invalid("The bearer token is not a well-formed signed JWT.");
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      return invalid(
          "The token is signed with "
              + jwt.getHeader().getAlgorithm()
              + "; only RS256 is accepted.");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (BadJWSException e) {
      return invalid("The token signature is invalid.");
    } catch (BadJOSEException e) {
      return invalid("The token is not signed by a key of the issuer's key set.");
    } catch (KeySourceException e) {
      LOG.warn("cannot fetch the JWKS of the JWT issuer from {}", jwksUrl, e);
      return new Rejected(503, "The issuer's signing keys cannot be fetched.", true);
    } catch (JOSEException e) {
      LOG.warn("JWT verification failed", e);
      return invalid("The token signature cannot be verified.");
    }
    Result timeProblem = checkTimes(claims);
    if (timeProblem != null) {
      return timeProblem;
    }
    if (!issuer.equals(claims.getIssuer())) {
      return invalid("The token was not issued by the accepted issuer.");
    }
    if (!audienceAccepted(claims)) {
      return invalid("The token is not for an accepted audience (aud or client_id).");
    }
    return authorized(jwt);
  }

  private Result checkTimes(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date expiry = claims.getExpirationTime();
    if (expiry == null) {
      return invalid("The token has no expiry time (exp).");
    }
    if (expiry.toInstant().plus(clockSkew).isBefore(now)) {
      return invalid("The token has expired.");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().minus(clockSkew).isAfter(now)) {
      return invalid("The token is not valid yet (nbf).");
    }
    Date issuedAt = claims.getIssueTime();
    if (issuedAt != null && issuedAt.toInstant().minus(clockSkew).isAfter(now)) {
      return invalid("The token's issue time (iat) is in the future.");
    }
    return null;
  }

  private boolean audienceAccepted(JWTClaimsSet claims) {
    List<String> aud = claims.getAudience();
    if (aud != null && aud.stream().anyMatch(audiences::contains)) {
      return true;
    }
    Object clientId = claims.getClaim("client_id");
    return clientId instanceof String && audiences.contains(clientId);
  }

  private static Authorized authorized(SignedJWT jwt) {
    Map<String, Object> payload = jwt.getPayload().toJSONObject();
    Map<String, String> rendered = new LinkedHashMap<>();
    payload.forEach((name, value) -> rendered.put(name, ClaimRendering.render(value)));
    Object scope = payload.get("scope");
    List<String> scopes =
        scope instanceof String text && !text.isBlank() ? List.of(text.trim().split("\\s+")) : null;
    return new Authorized(Map.copyOf(rendered), scopes);
  }

  private static Rejected invalid(String detail) {
    return new Rejected(401, detail, true);
  }

  /** API Gateway takes {@code Bearer <jwt>} and also the bare token. */
  private static String bearerToken(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return null;
    }
    String value = authorization.trim();
    if (value.equalsIgnoreCase("bearer")) {
      return null;
    }
    if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      value = value.substring("bearer ".length()).trim();
    }
    return value.isEmpty() ? null : value;
  }
}
