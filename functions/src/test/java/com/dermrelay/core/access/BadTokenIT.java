package com.dermrelay.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a token can be bad, sent through the gateway to a write a clinic admin may make: 401,
 * and nothing in the table or bucket changed. The stack keeps its data in a directory so the test
 * can read the pool's signing key and sign tokens that are wrong in exactly one way.
 */
class BadTokenIT {
  @TempDir static Path data;
  private static LocalStack stack;
  private static ApiCalls api;
  private static RSAKey poolKey;
  private static JWTClaimsSet adminClaims;
  private static String body;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(LocalStackConfig.forTests().withDataDir(data));
    api = new ApiCalls(stack);
    poolKey = RSAKey.parse(Files.readString(data.resolve("identity").resolve("signing-key.json")));
    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    adminClaims = SignedJWT.parse(admin).getJWTClaimsSet();
    ObjectNode settings =
        (ObjectNode) ApiCalls.json(api.get("/clinics/northside-skin/settings", admin));
    ((ObjectNode) settings.get("config")).put("displayName", "Taken Over Clinic");
    body = settings.toString();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static String signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change)
      throws Exception {
    JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder(adminClaims)).build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(poolKey.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static void refusedAndNothingChanged(String token, String clinic) {
    Set<String> before = api.snapshot(true);
    HttpResponse<String> response =
        api.call("PUT", "/clinics/" + clinic + "/settings", token, body);
    assertEquals(401, response.statusCode(), response.body());
    assertEquals(before, api.snapshot(true));
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void algNone() {
    String token =
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(adminClaims.toString()) + ".";
    refusedAndNothingChanged(token, "northside-skin");
  }

  @Test
  void signedByAnotherKey() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).keyID(poolKey.getKeyID()).generate();
    refusedAndNothingChanged(signed(other, c -> c), "northside-skin");
  }

  @Test
  void expired() throws Exception {
    Instant past = Instant.now().minusSeconds(7200);
    refusedAndNothingChanged(
        signed(
            poolKey,
            c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(3600)))),
        "northside-skin");
  }

  @Test
  void notYetValid() throws Exception {
    refusedAndNothingChanged(
        signed(poolKey, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))),
        "northside-skin");
  }

  @Test
  void forAnotherAudience() throws Exception {
    refusedAndNothingChanged(
        signed(poolKey, c -> c.audience("another-app-client")), "northside-skin");
  }

  @Test
  void fromAnotherIssuer() throws Exception {
    refusedAndNothingChanged(
        signed(
            poolKey, c -> c.issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")),
        "northside-skin");
  }

  @Test
  void tenantClaimAltered() throws Exception {
    String[] parts = api.idToken("admin@northside.example", "Demo-Admin-1").split("\\.");
    JWTClaimsSet altered =
        new JWTClaimsSet.Builder(adminClaims)
            .claim("custom:tenantId", "harbour-dermatology")
            .build();
    refusedAndNothingChanged(
        parts[0] + "." + b64(altered.toString()) + "." + parts[2], "harbour-dermatology");
  }

  @Test
  void anAccessTokenWhereTheIdTokenIsNeeded() {
    String access =
        stack.identity().signIn("admin@northside.example", "Demo-Admin-1").accessToken();
    refusedAndNothingChanged(access, "northside-skin");
  }
}
