package com.dermrelay.local.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wire protocol as a browser's fetch sees it: CORS, AWS JSON 1.1 errors, the well-known
 * documents.
 */
class CognitoHttpTest {
  private static final String PORTAL = "http://localhost:8080";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalIdentityServer server;

  @BeforeAll
  static void start() {
    IdentityConfig config =
        IdentityConfig.builder()
            .corsOrigins(Set.of(PORTAL))
            .advertisedBaseUrl("http://identity.localtest:9229")
            .build();
    server = LocalIdentityServer.start(config, "127.0.0.1", 0, CodeDelivery.NONE);
    server.identity().createConfirmedUser("kim@example.org", "Sunny-Day-42", Map.of(), Set.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void preflightFromTheConfiguredOriginIsAnswered() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(server.url() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header(
                    "Access-Control-Request-Headers",
                    "content-type,x-amz-target,x-amz-user-agent"));
    assertEquals(204, response.statusCode());
    assertEquals(PORTAL, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    String allowed = response.headers().firstValue("Access-Control-Allow-Headers").orElse("");
    for (String header :
        new String[] {"content-type", "x-amz-target", "x-amz-user-agent", "authorization"}) {
      assertTrue(allowed.contains(header), header + " in " + allowed);
    }
    assertTrue(
        response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
  }

  @Test
  void preflightFromAnotherOriginGetsNoCorsGrant() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(server.url() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.localtest")
                .header("Access-Control-Request-Method", "POST"));
    assertEquals(403, response.statusCode());
    assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
  }

  @Test
  void browserSignInGetsTokensWithCorsHeaders() throws Exception {
    HttpResponse<String> response =
        call(
            "InitiateAuth",
            "{\"ClientId\":\"dermrelay-portal-local\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                + "\"AuthParameters\":{\"USERNAME\":\"kim@example.org\",\"PASSWORD\":\"Sunny-Day-42\"}}",
            null);
    assertEquals(200, response.statusCode());
    assertEquals(
        "application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElse(null));
    assertEquals(PORTAL, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    JsonNode result = Exchanges.JSON.readTree(response.body()).get("AuthenticationResult");
    assertEquals("Bearer", result.get("TokenType").asText());
    assertEquals(3600, result.get("ExpiresIn").asInt());
  }

  @Test
  void refusalsUseCognitosErrorShape() throws Exception {
    HttpResponse<String> response =
        call(
            "InitiateAuth",
            "{\"ClientId\":\"dermrelay-portal-local\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                + "\"AuthParameters\":{\"USERNAME\":\"kim@example.org\",\"PASSWORD\":\"wrong\"}}",
            null);
    assertEquals(400, response.statusCode());
    JsonNode error = Exchanges.JSON.readTree(response.body());
    assertEquals("NotAuthorizedException", error.get("__type").asText());
    assertEquals("Incorrect username or password.", error.get("message").asText());

    JsonNode missing =
        Exchanges.JSON.readTree(
            call("SignUp", "{\"ClientId\":\"dermrelay-portal-local\"}", null).body());
    assertEquals("InvalidParameterException", missing.get("__type").asText());
    JsonNode malformed = Exchanges.JSON.readTree(call("SignUp", "{not json", null).body());
    assertEquals("SerializationException", malformed.get("__type").asText());
    JsonNode unknown =
        Exchanges.JSON.readTree(
            call("DescribeUserPool", "{}", "AWS4-HMAC-SHA256 Credential=x").body());
    assertEquals("UnknownOperationException", unknown.get("__type").asText());
  }

  @Test
  void adminCallsNeedASignatureButAnySignatureDoes() throws Exception {
    String body = "{\"UserPoolId\":\"us-east-1_DermRelayLocal\",\"Username\":\"kim@example.org\"}";
    HttpResponse<String> unsigned = call("AdminGetUser", body, null);
    assertEquals(400, unsigned.statusCode());
    assertEquals(
        "MissingAuthenticationTokenException",
        Exchanges.JSON.readTree(unsigned.body()).get("__type").asText());

    HttpResponse<String> signed =
        call(
            "AdminGetUser",
            body,
            "AWS4-HMAC-SHA256 Credential=any/20260101/us-east-1/cognito-idp/aws4_request, Signature=00");
    assertEquals(200, signed.statusCode());
    assertEquals("CONFIRMED", Exchanges.JSON.readTree(signed.body()).get("UserStatus").asText());
  }

  @Test
  void discoveryAndJwksAdvertiseTheConfiguredIssuer() throws Exception {
    JsonNode discovery =
        CognitoClients.getJson(
            server.url() + "/us-east-1_DermRelayLocal/.well-known/openid-configuration");
    assertEquals(
        "http://identity.localtest:9229/us-east-1_DermRelayLocal",
        discovery.get("issuer").asText());
    assertEquals(server.issuer(), discovery.get("issuer").asText());
    assertEquals(
        "http://identity.localtest:9229/us-east-1_DermRelayLocal/.well-known/jwks.json",
        discovery.get("jwks_uri").asText());
    assertEquals("RS256", discovery.get("id_token_signing_alg_values_supported").get(0).asText());
    assertEquals("public", discovery.get("subject_types_supported").get(0).asText());
    assertTrue(discovery.get("response_types_supported").isArray());

    JsonNode key =
        CognitoClients.getJson(server.url() + "/us-east-1_DermRelayLocal/.well-known/jwks.json")
            .get("keys")
            .get(0);
    assertEquals("RSA", key.get("kty").asText());
    assertEquals("RS256", key.get("alg").asText());
    assertEquals("sig", key.get("use").asText());
    assertTrue(key.hasNonNull("kid"));
    assertNull(key.get("d"), "the private exponent must never be served");
  }

  private static HttpResponse<String> call(String operation, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + "/"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Origin", PORTAL)
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
