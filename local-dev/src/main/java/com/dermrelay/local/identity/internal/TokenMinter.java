package com.dermrelay.local.identity.internal;

import com.dermrelay.local.identity.IdentityException;
import com.dermrelay.local.identity.IdentityUser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** Signs ID and access tokens shaped like Cognito's, and checks access tokens it signed. */
public final class TokenMinter {
  private final RSAKey key;
  private final RSASSASigner signer;
  private final RSASSAVerifier verifier;
  private final String issuer;
  private final String clientId;
  private final Duration lifetime;
  private final Clock clock;

  /** One sign-in: the refreshes that follow it keep its auth_time and origin_jti. */
  public record Session(String originJti, Instant authTime) {}

  public TokenMinter(RSAKey key, String issuer, String clientId, Duration lifetime, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.clientId = clientId;
    this.lifetime = lifetime;
    this.clock = clock;
    try {
      this.signer = new RSASSASigner(key);
      this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("the signing key is not a usable RSA key", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public long lifetimeSeconds() {
    return lifetime.toSeconds();
  }

  /** The public half of the key, as served at {@code jwks.json}. */
  public Map<String, Object> publicJwks() {
    return new JWKSet(key.toPublicJWK()).toJSONObject(true);
  }

  public String idToken(IdentityUser user, Session session) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = common(user, session, now).audience(clientId);
    claims.claim("token_use", "id");
    claims.claim("event_id", UUID.randomUUID().toString());
    claims.claim("cognito:username", user.username());
    for (Map.Entry<String, String> attribute : user.attributes().entrySet()) {
      String name = attribute.getKey();
      if (UserAttributes.BOOLEAN.contains(name)) {
        claims.claim(name, Boolean.parseBoolean(attribute.getValue()));
      } else if (!name.equals(UserAttributes.SUB)) {
        claims.claim(name, attribute.getValue());
      }
    }
    return sign(claims.build());
  }

  public String accessToken(IdentityUser user, Session session) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = common(user, session, now);
    claims.claim("token_use", "access");
    claims.claim("client_id", clientId);
    claims.claim("scope", "aws.cognito.signin.user.admin");
    claims.claim("username", user.username());
    claims.claim("version", 2);
    return sign(claims.build());
  }

  private JWTClaimsSet.Builder common(IdentityUser user, Session session, Instant now) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(user.sub())
            .issuer(issuer)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim("origin_jti", session.originJti())
            .claim("auth_time", session.authTime().getEpochSecond());
    if (!user.groups().isEmpty()) {
      claims.claim("cognito:groups", new ArrayList<>(new java.util.TreeSet<>(user.groups())));
    }
    return claims;
  }

  private String sign(JWTClaimsSet claims) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * The claims of an access token this pool signed and that has not expired; anything else is
   * refused with Cognito's NotAuthorizedException.
   */
  public JWTClaimsSet verifyAccessToken(String token) {
    if (token == null || token.isBlank()) {
      throw IdentityException.invalidParameter("AccessToken is required.");
    }
    JWTClaimsSet claims;
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!key.getKeyID().equals(jwt.getHeader().getKeyID()) || !jwt.verify(verifier)) {
        throw IdentityException.notAuthorized("Invalid Access Token");
      }
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | JOSEException e) {
      throw IdentityException.notAuthorized("Invalid Access Token");
    }
    if (!issuer.equals(claims.getIssuer())
        || !"access".equals(claims.getClaim("token_use"))
        || claims.getExpirationTime() == null) {
      throw IdentityException.notAuthorized("Invalid Access Token");
    }
    if (!claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
      throw IdentityException.notAuthorized("Access Token has expired");
    }
    return claims;
  }
}
