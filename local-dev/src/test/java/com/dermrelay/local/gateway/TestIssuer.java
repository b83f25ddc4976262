package com.dermrelay.local.gateway;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.http.LocalHttpServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** A stand-in Cognito issuer for tests: RSA keys, a JWKS endpoint, and token minting. */
final class TestIssuer implements AutoCloseable {
  static final String ISSUER = "http://127.0.0.1:9229/us-east-1_test";
  static final String CLIENT_ID = "test-client";

  final AtomicInteger jwksFetches = new AtomicInteger();
  private volatile String jwks;
  private final LocalHttpServer server;

  TestIssuer() {
    this.server =
        LocalHttpServer.start(
            "test-jwks",
            "127.0.0.1",
            0,
            exchange -> {
              jwksFetches.incrementAndGet();
              Exchanges.sendText(exchange, 200, "application/json", jwks);
            });
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes the public halves of {@code keys} as the issuer's JWKS. */
  void publish(RSAKey... keys) {
    jwks =
        new JWKSet(Arrays.stream(keys).map(RSAKey::toPublicJWK).collect(Collectors.toList()))
            .toString();
  }

  URI jwksUrl() {
    return URI.create(server.url() + "/.well-known/jwks.json");
  }

  /** An ID token as Cognito issues one, valid around {@code now}. */
  static JWTClaimsSet.Builder idToken(Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(CLIENT_ID)
        .subject("6f1c2a4e-patient")
        .issueTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("token_use", "id")
        .claim("email", "pat@example.org")
        .claim("email_verified", true)
        .claim("auth_time", now.minusSeconds(60).getEpochSecond())
        .claim("cognito:groups", List.of("patient", "clinic_admin"))
        .claim("custom:tenantId", "acme");
  }

  static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
