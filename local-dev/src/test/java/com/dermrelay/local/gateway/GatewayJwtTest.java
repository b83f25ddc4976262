package com.dermrelay.local.gateway;

import static com.dermrelay.local.gateway.GatewayFixture.NOW;
import static com.dermrelay.local.gateway.GatewayFixture.get;
import static com.dermrelay.local.gateway.GatewayFixture.send;
import static com.dermrelay.local.gateway.GatewayFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Cognito JWT authorizer's checks, against tokens signed here and a JWKS served here. */
class GatewayJwtTest {
  private static final String PROTECTED = "/clinics/acme/cases";
  private static TestIssuer issuer;
  private static RSAKey key;
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    issuer = new TestIssuer();
    key = TestIssuer.newKey("k1");
    issuer.publish(key);
    gateway = GatewayFixture.start(GatewayFixture.config(issuer).build());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    issuer.close();
  }

  @BeforeEach
  void clearEvents() {
    RecordingHandler.EVENTS.clear();
  }

  private static HttpResponse<byte[]> call(String authorization) {
    var request = get(gateway, PROTECTED);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  /** Asserts a 401 problem whose detail contains {@code expected}, and that no handler ran. */
  private static void assertRejected(String authorization, String expected) throws Exception {
    HttpResponse<byte[]> response = call(authorization);
    assertEquals(401, response.statusCode(), text(response));
    assertTrue(
        response.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"),
        "WWW-Authenticate: Bearer");
    JsonNode problem = Exchanges.JSON.readTree(response.body());
    assertEquals("Unauthorized", problem.get("title").asText());
    assertTrue(
        problem.get("detail").asText().contains(expected),
        "detail '" + problem.get("detail").asText() + "' should say " + expected);
    if (authorization != null && authorization.length() > 20) {
      String token = authorization.replaceFirst("^Bearer ", "");
      assertFalse(text(response).contains(token), "the token is not echoed");
      assertFalse(
          response.headers().firstValue("www-authenticate").orElse("").contains(token),
          "the token is not echoed in the challenge");
    }
    assertTrue(RecordingHandler.EVENTS.isEmpty(), "the handler was not called");
  }

  private static String bearer(JWTClaimsSet claims) {
    return "Bearer " + TestIssuer.sign(key, claims);
  }

  @Test
  void aMissingTokenIsRejected() throws Exception {
    assertRejected(null, "no bearer token");
    assertEquals("Bearer", call(null).headers().firstValue("www-authenticate").orElse(null));
    assertRejected("Bearer ", "no bearer token");
  }

  @Test
  void aMalformedTokenIsRejected() throws Exception {
    assertRejected("Bearer not-a-jwt", "not a well-formed");
    assertRejected("Bearer aaaa.bbbb.cccc", "not a well-formed");
  }

  @Test
  void aTokenSignedByAnotherKeyWithTheSameKidIsRejected() throws Exception {
    RSAKey impostor = TestIssuer.newKey("k1");
    assertRejected(
        "Bearer " + TestIssuer.sign(impostor, TestIssuer.idToken(NOW).build()),
        "signature is invalid");
  }

  @Test
  void aTokenWithAnUnknownKidIsRejected() throws Exception {
    RSAKey stranger = TestIssuer.newKey("unknown-kid");
    assertRejected(
        "Bearer " + TestIssuer.sign(stranger, TestIssuer.idToken(NOW).build()),
        "not signed by a key of the issuer");
  }

  @Test
  void aTokenWithAnotherAlgorithmIsRejected() throws Exception {
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
            TestIssuer.idToken(NOW).build());
    try {
      hmac.sign(new MACSigner(new byte[32]));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    assertRejected("Bearer " + hmac.serialize(), "only RS256");
  }

  @Test
  void anExpiredTokenIsRejectedButSmallClockSkewIsAllowed() throws Exception {
    assertRejected(
        bearer(TestIssuer.idToken(NOW).expirationTime(Date.from(NOW.minusSeconds(600))).build()),
        "expired");
    assertEquals(
        200,
        call(bearer(TestIssuer.idToken(NOW).expirationTime(Date.from(NOW.minusSeconds(5))).build()))
            .statusCode(),
        "a few seconds of skew are tolerated");
  }

  @Test
  void aTokenNotValidYetIsRejected() throws Exception {
    assertRejected(
        bearer(TestIssuer.idToken(NOW).notBeforeTime(Date.from(NOW.plusSeconds(600))).build()),
        "not valid yet");
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() throws Exception {
    assertRejected(
        bearer(
            TestIssuer.idToken(NOW)
                .issuer("https://cognito-idp.eu-west-1.amazonaws.com/other")
                .build()),
        "issuer");
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() throws Exception {
    assertRejected(bearer(TestIssuer.idToken(NOW).audience("other-client").build()), "audience");
  }

  @Test
  void aValidIdTokensClaimsReachTheHandlerRenderedAsApiGatewayDoes() {
    HttpResponse<byte[]> response = call(bearer(TestIssuer.idToken(NOW).build()));
    assertEquals(200, response.statusCode());
    APIGatewayV2HTTPEvent event = RecordingHandler.EVENTS.poll();
    assertNotNull(event);
    var jwt = event.getRequestContext().getAuthorizer().getJwt();
    Map<String, String> claims = jwt.getClaims();
    assertEquals("6f1c2a4e-patient", claims.get("sub"));
    assertEquals("[patient clinic_admin]", claims.get("cognito:groups"));
    assertEquals("true", claims.get("email_verified"));
    assertEquals("acme", claims.get("custom:tenantId"));
    assertEquals(String.valueOf(NOW.plusSeconds(3600).getEpochSecond()), claims.get("exp"));
    assertEquals(TestIssuer.CLIENT_ID, claims.get("aud"));
    assertEquals(TestIssuer.ISSUER, claims.get("iss"));
    assertNull(jwt.getScopes(), "an ID token has no scopes");
    assertEquals("acme", event.getPathParameters().get("tenantId"));
    assertTrue(event.getHeaders().get("authorization").startsWith("Bearer "), "passed through");
  }

  @Test
  void anAccessTokenIsAcceptedByClientIdAndItsScopesAreListed() {
    JWTClaimsSet access =
        new JWTClaimsSet.Builder()
            .issuer(TestIssuer.ISSUER)
            .subject("derm-1")
            .claim("client_id", TestIssuer.CLIENT_ID)
            .claim("token_use", "access")
            .claim("scope", "openid email dermrelay/reports.read")
            .expirationTime(Date.from(NOW.plusSeconds(300)))
            .build();
    HttpResponse<byte[]> response =
        send(get(gateway, "/reports").header("Authorization", bearer(access)));
    assertEquals(200, response.statusCode());
    APIGatewayV2HTTPEvent event = RecordingHandler.EVENTS.poll();
    assertNotNull(event);
    assertEquals(
        List.of("openid", "email", "dermrelay/reports.read"),
        event.getRequestContext().getAuthorizer().getJwt().getScopes());
  }

  @Test
  void aRouteWithScopesRefusesATokenWithoutThemAs403() throws Exception {
    HttpResponse<byte[]> response =
        send(
            get(gateway, "/reports")
                .header("Authorization", bearer(TestIssuer.idToken(NOW).build())));
    assertEquals(403, response.statusCode());
    assertEquals("Forbidden", Exchanges.JSON.readTree(response.body()).get("title").asText());
    assertTrue(RecordingHandler.EVENTS.isEmpty());
  }

  @Test
  void theTokenIsAlsoAcceptedWithoutTheBearerPrefix() {
    assertEquals(200, call(TestIssuer.sign(key, TestIssuer.idToken(NOW).build())).statusCode());
  }

  @Test
  void aNewKeyIsFetchedWhenATokenNamesAnUnknownKid() {
    assertEquals(200, call(bearer(TestIssuer.idToken(NOW).build())).statusCode());
    int fetches = issuer.jwksFetches.get();
    assertEquals(200, call(bearer(TestIssuer.idToken(NOW).build())).statusCode());
    assertEquals(fetches, issuer.jwksFetches.get(), "the key set is cached");

    RSAKey rotated = TestIssuer.newKey("k2");
    issuer.publish(key, rotated);
    try {
      HttpResponse<byte[]> response =
          call("Bearer " + TestIssuer.sign(rotated, TestIssuer.idToken(NOW).build()));
      assertEquals(200, response.statusCode(), text(response));
      assertEquals(fetches + 1, issuer.jwksFetches.get());
    } finally {
      issuer.publish(key);
    }
  }
}
