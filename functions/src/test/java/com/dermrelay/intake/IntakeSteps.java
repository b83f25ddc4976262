package com.dermrelay.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * Steps of a patient's intake through HTTP on the local stack, shared by the intake ITs: a new
 * patient (with a profile unless asked otherwise), a draft, photo uploads to the presigned URLs,
 * submission, and what the workflow and the audit trail saw.
 */
final class IntakeSteps {
  static final String CLINIC = "northside-skin";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalStack stack;
  private static ApiCalls api;

  private IntakeSteps() {}

  static void use(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
  }

  /** A new patient of the clinic who has saved a profile. */
  static String newPatient() {
    String token = newPatientWithoutProfile();
    HttpResponse<String> saved =
        api.call(
            "PUT",
            "/clinics/" + CLINIC + "/me/profile",
            token,
            "{\"dateOfBirth\":\"1984-03-09\",\"sex\":\"female\"}");
    assertEquals(200, saved.statusCode(), saved.body());
    return token;
  }

  static String newPatientWithoutProfile() {
    String email = "intake-" + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Intake-Patient-1",
            Map.of("email", email, "name", "Intake Patient", "custom:tenantId", CLINIC),
            Set.of("patient"));
    return api.idToken(email, "Intake-Patient-1");
  }

  static String casePath(String caseId) {
    return "/clinics/" + CLINIC + "/cases/" + caseId;
  }

  static String subjectOf(String token) {
    String payload = token.split("\\.")[1];
    try {
      return ApiCalls.JSON
          .readTree(java.util.Base64.getUrlDecoder().decode(payload))
          .get("sub")
          .asText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String consentVersion() {
    return ApiCalls.json(api.get("/public/clinics/northside/branding", null))
        .at("/consent/version")
        .asText();
  }

  static ObjectNode screen(boolean fever, boolean blistering, boolean spreading, boolean swelling) {
    return ApiCalls.JSON
        .createObjectNode()
        .put("feverWithWidespreadRash", fever)
        .put("blisteringOrPeelingSkin", blistering)
        .put("rapidlySpreadingPainfulRedness", spreading)
        .put("faceOrLipSwellingOrBreathingTrouble", swelling);
  }

  /** A complete version 2 intake of a spot that has grown and has a family history behind it. */
  static ObjectNode completeIntake() {
    ObjectNode intake = ApiCalls.JSON.createObjectNode();
    intake.putArray("bodySites").addObject().put("region", "forearm").put("laterality", "left");
    intake
        .put("problem", "spot")
        .put("onset", "gradual")
        .put("durationDays", 60)
        .put("lesionCount", "one")
        .put("spotOrigin", "long-standing");
    intake
        .putObject("symptoms")
        .put("itch", true)
        .put("pain", false)
        .put("bleeding", false)
        .put("oozingOrCrusting", false)
        .put("sensationChange", false);
    intake
        .putObject("changes")
        .put("size", "yes")
        .put("shape", "no")
        .put("colour", "unsure")
        .put("other", "no");
    intake
        .putObject("abcde")
        .put("asymmetry", "no")
        .put("borderIrregular", "no")
        .put("colourVariation", "no");
    intake
        .put("diameterMm", 6.5)
        .put("inflammation", "no")
        .put("personalSkinCancerHistory", "no")
        .put("familySkinCancerHistory", "yes")
        .put("immunosuppressed", "no")
        .put("medicines", "none")
        .put("allergies", "none")
        .put("treatmentsTried", "moisturiser")
        .put("pregnancy", "not-applicable")
        .put("fitzpatrickType", 2)
        .put("ownWords", "A mole that has grown over two months.");
    return intake;
  }

  static JsonNode create(String patient, ObjectNode intake, String consentVersion) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.set("emergencyScreen", screen(false, false, false, false));
    if (intake != null) {
      body.set("intake", intake);
    }
    if (consentVersion != null) {
      body.put("consentVersion", consentVersion);
    }
    HttpResponse<String> response =
        api.call("POST", "/clinics/" + CLINIC + "/cases", patient, body.toString());
    assertEquals(201, response.statusCode(), response.body());
    return ApiCalls.json(response);
  }

  static JsonNode slots(String patient, String caseId, String view, long size) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putArray("photos")
        .addObject()
        .put("view", view)
        .put("contentType", "image/jpeg")
        .put("sizeBytes", size);
    HttpResponse<String> response =
        api.call("POST", casePath(caseId) + "/photo-uploads", patient, body.toString());
    assertEquals(201, response.statusCode(), response.body());
    return ApiCalls.json(response).get("uploads");
  }

  /** Asks for a slot, PUTs the bytes to S3 and confirms; the confirmation's answer. */
  static JsonNode uploadAndConfirm(String patient, String caseId, String view, byte[] photo)
      throws Exception {
    JsonNode slot = slots(patient, caseId, view, photo.length).get(0);
    assertEquals(
        200, put(slot.get("url").asText(), slot.at("/headers/Content-Type").asText(), photo));
    String path = casePath(caseId) + "/photos/" + slot.get("photoId").asText() + "/confirm";
    HttpResponse<String> confirmed = api.call("POST", path, patient, "{\"keep\":false}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    return ApiCalls.json(confirmed);
  }

  static int put(String url, String contentType, byte[] bytes) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    // s3proxy (Jetty) answers a refused upload and closes the connection while the body may
    // still be on its way; the client then sometimes sees the reset instead of the answer. A
    // fresh client per attempt and a retry on such a broken exchange read the real status.
    java.io.IOException lastFailure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.ofString())
            .statusCode();
      } catch (java.io.IOException brokenExchange) {
        lastFailure = brokenExchange;
      }
    }
    throw lastFailure;
  }

  static HttpResponse<String> submit(String patient, String caseId, String key) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + casePath(caseId) + "/submit"))
            .header("Authorization", "Bearer " + patient)
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<ExecutionListItem> executionsOf(String caseId) {
    String machine = stack.functionEnvironment().get("DERMRELAY_CASE_WORKFLOW_ARN");
    try (SfnClient sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(stack.stepFunctionsEndpoint()))
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LocalStackConfig.ACCESS_KEY, LocalStackConfig.SECRET_KEY)))
            .build()) {
      return sfn
          .listExecutions(r -> r.stateMachineArn(machine).maxResults(1000))
          .executions()
          .stream()
          .filter(e -> e.name().equals(CLINIC + "-" + caseId))
          .toList();
    }
  }

  static List<Map<String, AttributeValue>> audit() {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      return dynamoDb
          .queryPaginator(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .keyConditionExpression("pk = :pk")
                      .expressionAttributeValues(
                          Map.of(":pk", AttributeValue.fromS("TENANT#" + CLINIC + "#AUDIT"))))
          .items()
          .stream()
          .toList();
    }
  }
}
