package com.dermrelay.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * End to end through HTTP, as the portal does it: sign in with the Cognito API of the local issuer,
 * then call the API through the gateway with the ID token.
 */
@ExtendWith(LocalStackExtension.class)
class SmokeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalStack stack;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
  }

  private static String idToken(String email, String password) {
    try (CognitoIdentityProviderClient cognito =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(stack.identityUrl()))
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      return cognito
          .initiateAuth(
              r ->
                  r.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                      .clientId(stack.identity().clientId())
                      .authParameters(Map.of("USERNAME", email, "PASSWORD", password)))
          .authenticationResult()
          .idToken();
    }
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthReportsEveryServiceUp() throws Exception {
    HttpResponse<String> response = get("/health", null);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("ok", body.get("status").asText());
    assertEquals("up", body.at("/checks/dynamodb").asText());
    assertEquals("up", body.at("/checks/s3").asText());
    assertEquals("up", body.at("/checks/stepfunctions").asText());
  }

  @Test
  void theCaseWorkflowIsDeployedFromTheRepositorysAslFile() {
    try (SfnClient sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(stack.stepFunctionsEndpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      String arn = stack.functionEnvironment().get("DERMRELAY_CASE_WORKFLOW_ARN");
      String definition = sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition();
      assertTrue(definition.contains("\"StartAt\": \"CaseReceived\""), "the repository's workflow");
      assertFalse(definition.contains("${"), "every function ARN substituted");
    }
  }

  @Test
  void aSignedInPatientIsKnownWithTheirClinic() throws Exception {
    HttpResponse<String> response =
        get("/me", idToken("patient@northside.example", "Demo-Patient-1"));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode me = JSON.readTree(response.body());
    assertEquals("patient@northside.example", me.get("email").asText());
    assertEquals("patient", me.get("roles").get(0).asText());
    assertEquals("northside-skin", me.get("homeTenantId").asText());
  }

  @Test
  void theDermatologistHasNoSingleHomeClinic() throws Exception {
    JsonNode me =
        JSON.readTree(
            get("/me", idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1")).body());
    assertEquals("dermatologist", me.get("roles").get(0).asText());
    assertFalse(
        me.has("homeTenantId"), "a dermatologist has no home clinic: the field is left out");
  }

  @Test
  void noTokenOrAForgedOneIs401ProblemJson() throws Exception {
    HttpResponse<String> missing = get("/me", null);
    assertEquals(401, missing.statusCode());
    assertEquals(
        "application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
    String token = idToken("patient@harbour.example", "Demo-Patient-1");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    HttpResponse<String> response = get("/me", forged);
    assertEquals(401, response.statusCode());
    assertFalse(response.body().contains(parts[1]), "the token is never echoed");
  }

  @Test
  void unknownPathsAndWrongMethodsAreProblems() throws Exception {
    HttpResponse<String> unknown = get("/no-such-thing", null);
    assertEquals(404, unknown.statusCode());
    assertEquals(404, JSON.readTree(unknown.body()).get("status").asInt());
    HttpResponse<String> wrongMethod =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/health")).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, wrongMethod.statusCode());
    assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("GET"));
  }
}
