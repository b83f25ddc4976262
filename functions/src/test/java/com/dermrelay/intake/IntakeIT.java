package com.dermrelay.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** A patient's intake through HTTP on the local stack: drafts, photo uploads to S3, submission. */
@ExtendWith(LocalStackExtension.class)
class IntakeIT {
  private static final String CLINIC = "northside-skin";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalStack stack;
  private static ApiCalls api;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
  }

  @Test
  void aPatientSubmitsACompleteIntakeWithPhotosAndItsWorkflowStartsOnce() throws Exception {
    String patient = newPatient();
    JsonNode draft = create(patient, completeIntake(), consentVersion());
    String caseId = draft.get("caseId").asText();
    assertEquals("DRAFT", draft.get("status").asText());
    assertTrue(draft.hasNonNull("expiresAt"), "a draft expires");

    JsonNode closeUp = uploadAndConfirm(patient, caseId, "close_up", IntakePhotos.sharp(1600, 1200, 0));
    assertEquals("CHECKED", closeUp.get("status").asText());
    assertEquals("ACCEPTED", closeUp.get("verdict").asText(), closeUp.toString());
    JsonNode context = uploadAndConfirm(patient, caseId, "context", IntakePhotos.sharp(1600, 1200, 1));
    assertEquals("ACCEPTED", context.get("verdict").asText(), context.toString());

    HttpResponse<String> submitted = submit(patient, caseId, "key-" + UUID.randomUUID());
    assertEquals(200, submitted.statusCode(), submitted.body());
    assertEquals("SUBMITTED", ApiCalls.json(submitted).get("status").asText());
    assertTrue(ApiCalls.json(submitted).get("expiresAt").isNull(), "a submitted case does not expire");

    JsonNode read = ApiCalls.json(api.get(casePath(caseId), patient));
    // The case workflow has run meanwhile (locally StartExecution runs to the first wait).
    assertEquals("QUEUED", read.get("status").asText());
    assertEquals(2, read.get("photos").size());
    assertEquals(1, executionsOf(caseId).size(), "one execution " + CLINIC + "-" + caseId);

    JsonNode list = ApiCalls.json(api.get("/clinics/" + CLINIC + "/cases", patient));
    assertEquals(caseId, list.at("/cases/0/caseId").asText());
    assertEquals(1, list.get("cases").size());

    try (S3Client s3 = api.s3()) {
      List<String> keys = s3.listObjectsV2(r -> r.bucket(LocalStackConfig.MEDIA_BUCKET)
          .prefix(CLINIC + "/cases/" + caseId + "/")).contents().stream().map(S3Object::key).toList();
      assertEquals(2, keys.size(), keys.toString());
      assertTrue(keys.stream().allMatch(k -> k.contains("/clean/") && k.endsWith(".jpg")), "raw uploads deleted");
    }
  }

  @Test
  void anEmergencyAnswerStopsTheCaseAndTellsThePatientToSeekCareNow() {
    String patient = newPatient();
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.set("emergencyScreen", screen(false, false, true, false));
    HttpResponse<String> response = api.call("POST", "/clinics/" + CLINIC + "/cases", patient, body.toString());
    assertEquals(422, response.statusCode(), response.body());
    assertTrue(ApiCalls.json(response).get("detail").asText().contains("emergency"));
    assertEquals(0, ApiCalls.json(api.get("/clinics/" + CLINIC + "/cases", patient)).get("cases").size());
    assertTrue(audit().stream().anyMatch(a -> a.get("action").s().equals("case.emergency-stop")
        && a.get("patientSubject") != null && subjectOf(patient).equals(a.get("patientSubject").s())));
  }

  @Test
  void badAnswersAreNamedByPointer() {
    String patient = newPatient();
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.set("emergencyScreen", screen(false, false, false, false));
    ObjectNode intake = completeIntake();
    ((ObjectNode) intake.get("bodySites").get(0)).put("region", "elsewhere");
    intake.put("durationDays", -1);
    body.set("intake", intake);
    HttpResponse<String> response = api.call("POST", "/clinics/" + CLINIC + "/cases", patient, body.toString());
    assertEquals(400, response.statusCode(), response.body());
    List<String> pointers = new ArrayList<>();
    ApiCalls.json(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/intake/bodySites/0/region", "/intake/durationDays"), pointers);
  }

  @Test
  void aStaleUpdateIsAConflict() {
    String patient = newPatient();
    JsonNode draft = create(patient, null, null);
    String caseId = draft.get("caseId").asText();
    long version = draft.get("version").asLong();
    ObjectNode change = ApiCalls.JSON.createObjectNode().put("version", version);
    change.set("intake", completeIntake());
    HttpResponse<String> first = api.call("PATCH", casePath(caseId), patient, change.toString());
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(version + 1, ApiCalls.json(first).get("version").asLong());
    assertEquals(409, api.call("PATCH", casePath(caseId), patient, change.toString()).statusCode());
  }

  @Test
  void submissionNamesWhatIsMissing() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, completeIntake(), null).get("caseId").asText();
    uploadAndConfirm(patient, caseId, "close_up", IntakePhotos.sharp(1600, 1200, 0));
    HttpResponse<String> response = submit(patient, caseId, "key-" + UUID.randomUUID());
    assertEquals(409, response.statusCode(), response.body());
    List<String> pointers = new ArrayList<>();
    ApiCalls.json(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/consent", "/photos/context"), pointers);
    assertEquals("DRAFT", ApiCalls.json(api.get(casePath(caseId), patient)).get("status").asText());
    assertEquals(0, executionsOf(caseId).size());
  }

  @Test
  void concurrentRetriesOfOneSubmissionSubmitOneCaseAndStartOneExecution() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, completeIntake(), consentVersion()).get("caseId").asText();
    uploadAndConfirm(patient, caseId, "close_up", IntakePhotos.sharp(1600, 1200, 0));
    uploadAndConfirm(patient, caseId, "context", IntakePhotos.sharp(1600, 1200, 1));
    String key = "key-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Callable<HttpResponse<String>>> attempts = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        attempts.add(() -> submit(patient, caseId, key));
      }
      Set<String> answers = new java.util.HashSet<>();
      for (Future<HttpResponse<String>> f : pool.invokeAll(attempts)) {
        HttpResponse<String> response = f.get();
        assertEquals(200, response.statusCode(), response.body());
        JsonNode c = ApiCalls.json(response);
        answers.add(c.get("caseId").asText() + "@" + c.get("version").asLong() + ":" + c.get("status").asText());
      }
      assertEquals(1, answers.size(), "every retry answers the same submitted case: " + answers);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, executionsOf(caseId).size());
    assertEquals(1, ApiCalls.json(api.get("/clinics/" + CLINIC + "/cases", patient)).get("cases").size());
    assertEquals(409, submit(patient, caseId, "another-key-" + UUID.randomUUID()).statusCode());
  }

  @Test
  void theSamePhotoForTwoViewsDrawsAdviceAndCountsOnlyOnceThePatientKeepsIt() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, completeIntake(), consentVersion()).get("caseId").asText();
    byte[] photo = IntakePhotos.sharp(1600, 1200, 0);
    uploadAndConfirm(patient, caseId, "close_up", photo);
    JsonNode context = uploadAndConfirm(patient, caseId, "context", photo);
    assertEquals("RETAKE_ADVISED", context.get("verdict").asText(), context.toString());
    assertEquals("duplicate", context.at("/findings/0/code").asText());
    assertFalse(context.at("/findings/0/advice").asText().isBlank());

    HttpResponse<String> refused = submit(patient, caseId, "key-" + UUID.randomUUID());
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals("/photos/context", ApiCalls.json(refused).at("/errors/0/pointer").asText());

    String path = casePath(caseId) + "/photos/" + context.get("photoId").asText() + "/confirm";
    HttpResponse<String> kept = api.call("POST", path, patient, "{\"keep\":true}");
    assertEquals(200, kept.statusCode(), kept.body());
    assertTrue(ApiCalls.json(kept).get("kept").asBoolean());
    assertEquals(200, submit(patient, caseId, "key-" + UUID.randomUUID()).statusCode());
  }

  @Test
  void anotherPatientsCaseIsNotFoundAndTheAttemptIsRecorded() {
    String owner = newPatient();
    String caseId = create(owner, completeIntake(), null).get("caseId").asText();
    String other = newPatient();
    assertEquals(404, api.get(casePath(caseId), other).statusCode());
    assertEquals(404, submit(other, caseId, "key-" + UUID.randomUUID()).statusCode());
    String harbour = api.idToken("patient@harbour.example", "Demo-Patient-1");
    assertEquals(404, api.get("/clinics/harbour-dermatology/cases/" + caseId, harbour).statusCode());
    assertTrue(audit().stream().anyMatch(a -> a.get("action").s().equals("case.read")
        && a.get("outcome").s().equals("DENIED") && a.get("resourceId").s().equals(caseId)
        && a.get("actorSubject").s().equals(subjectOf(other))));
  }

  @Test
  void gpsTagsAreGoneFromTheStoredPhoto() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, null, null).get("caseId").asText();
    byte[] withGps = IntakePhotos.withGps(IntakePhotos.sharp(1600, 1200, 0));
    assertTrue(IntakePhotos.contains(withGps, "Exif".getBytes(StandardCharsets.US_ASCII)));
    JsonNode photo = uploadAndConfirm(patient, caseId, "close_up", withGps);
    String key = CLINIC + "/cases/" + caseId + "/clean/" + photo.get("photoId").asText() + ".jpg";
    try (S3Client s3 = api.s3()) {
      byte[] stored = s3.getObjectAsBytes(r -> r.bucket(LocalStackConfig.MEDIA_BUCKET).key(key)).asByteArray();
      assertEquals((byte) 0xD8, stored[1]);
      assertFalse(IntakePhotos.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII)), "EXIF left in");
      assertFalse(IntakePhotos.contains(stored, new byte[] {(byte) 0xFF, (byte) 0xE1}), "an APP1 segment left in");
      assertEquals(1, s3.listObjectsV2(r -> r.bucket(LocalStackConfig.MEDIA_BUCKET)
          .prefix(CLINIC + "/cases/" + caseId + "/")).contents().size(), "the raw upload is deleted");
    }
  }

  @Test
  void s3RefusesAnotherContentTypeAndATamperedUrl() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, null, null).get("caseId").asText();
    byte[] photo = IntakePhotos.sharp(1600, 1200, 0);
    JsonNode slot = slots(patient, caseId, "close_up", photo.length).get(0);
    String url = slot.get("url").asText();
    assertEquals(403, put(url, "image/png", photo), "a content type other than the signed one");
    String photoId = slot.get("photoId").asText();
    String tampered = url.replace("/raw/" + photoId, "/raw/" + UUID.randomUUID());
    assertNotEquals(url, tampered);
    assertEquals(403, put(tampered, "image/jpeg", photo), "a changed key");
    assertEquals(403, put(url, "image/jpeg", java.util.Arrays.copyOf(photo, photo.length - 1)), "another size");
    try (S3Client s3 = api.s3()) {
      assertEquals(0, s3.listObjectsV2(r -> r.bucket(LocalStackConfig.MEDIA_BUCKET)
          .prefix(CLINIC + "/cases/" + caseId + "/")).contents().size());
    }
  }

  @Test
  void aTooSmallImageIsRejectedAndNothingIsStored() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, null, null).get("caseId").asText();
    JsonNode photo = uploadAndConfirm(patient, caseId, "close_up", IntakePhotos.sharp(400, 300, 0));
    assertEquals("REJECTED", photo.get("status").asText());
    assertEquals("too_small", photo.at("/findings/0/code").asText());
    assertFalse(photo.at("/findings/0/advice").asText().isBlank());
    try (S3Client s3 = api.s3()) {
      assertEquals(0, s3.listObjectsV2(r -> r.bucket(LocalStackConfig.MEDIA_BUCKET)
          .prefix(CLINIC + "/cases/" + caseId + "/")).contents().size());
    }
  }

  // --- helpers

  private static String casePath(String caseId) {
    return "/clinics/" + CLINIC + "/cases/" + caseId;
  }

  private static String newPatient() {
    String email = "intake-" + UUID.randomUUID() + "@example.com";
    stack.identity().createConfirmedUser(email, "Intake-Patient-1",
        Map.of("email", email, "name", "Intake Patient", "custom:tenantId", CLINIC), Set.of("patient"));
    return api.idToken(email, "Intake-Patient-1");
  }

  private static String subjectOf(String token) {
    String payload = token.split("\\.")[1];
    try {
      return ApiCalls.JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("sub").asText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String consentVersion() {
    return ApiCalls.json(api.get("/public/clinics/northside/branding", null)).at("/consent/version").asText();
  }

  private static ObjectNode screen(boolean fever, boolean blistering, boolean spreading, boolean swelling) {
    return ApiCalls.JSON.createObjectNode().put("feverWithWidespreadRash", fever)
        .put("blisteringOrPeelingSkin", blistering).put("rapidlySpreadingPainfulRedness", spreading)
        .put("faceOrLipSwellingOrBreathingTrouble", swelling);
  }

  private static ObjectNode completeIntake() {
    ObjectNode intake = ApiCalls.JSON.createObjectNode();
    intake.putArray("bodySites").addObject().put("region", "forearm").put("laterality", "left");
    intake.put("onset", "gradual").put("durationDays", 60).put("lesionCount", "one");
    intake.putObject("symptoms").put("itch", true).put("pain", false).put("bleeding", false)
        .put("oozingOrCrusting", false).put("sensationChange", false);
    intake.putObject("changes").put("size", true).put("shape", false).put("colour", true);
    intake.put("diameterMm", 6).put("personalSkinCancerHistory", false).put("familySkinCancerHistory", true)
        .put("immunosuppressed", false).put("medicines", "none").put("allergies", "none")
        .put("treatmentsTried", "moisturiser").put("pregnancy", "not-applicable").put("fitzpatrickType", 2)
        .put("ownWords", "A mole that has grown over two months.");
    return intake;
  }

  private static JsonNode create(String patient, ObjectNode intake, String consentVersion) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.set("emergencyScreen", screen(false, false, false, false));
    if (intake != null) {
      body.set("intake", intake);
    }
    if (consentVersion != null) {
      body.put("consentVersion", consentVersion);
    }
    HttpResponse<String> response = api.call("POST", "/clinics/" + CLINIC + "/cases", patient, body.toString());
    assertEquals(201, response.statusCode(), response.body());
    return ApiCalls.json(response);
  }

  private static JsonNode slots(String patient, String caseId, String view, long size) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putArray("photos").addObject().put("view", view).put("contentType", "image/jpeg").put("sizeBytes", size);
    HttpResponse<String> response = api.call("POST", casePath(caseId) + "/photo-uploads", patient, body.toString());
    assertEquals(201, response.statusCode(), response.body());
    return ApiCalls.json(response).get("uploads");
  }

  /** Asks for a slot, PUTs the bytes to S3 and confirms; the confirmation's answer. */
  private static JsonNode uploadAndConfirm(String patient, String caseId, String view, byte[] photo) throws Exception {
    JsonNode slot = slots(patient, caseId, view, photo.length).get(0);
    assertEquals(200, put(slot.get("url").asText(), slot.at("/headers/Content-Type").asText(), photo));
    String path = casePath(caseId) + "/photos/" + slot.get("photoId").asText() + "/confirm";
    HttpResponse<String> confirmed = api.call("POST", path, patient, "{\"keep\":false}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    return ApiCalls.json(confirmed);
  }

  private static int put(String url, String contentType, byte[] bytes) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    // s3proxy (Jetty) answers a refused upload and closes the connection while the body may
    // still be on its way; the client then sometimes sees the reset instead of the answer. A
    // fresh client per attempt and a retry on such a broken exchange read the real status.
    java.io.IOException lastFailure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
      } catch (java.io.IOException brokenExchange) {
        lastFailure = brokenExchange;
      }
    }
    throw lastFailure;
  }

  private static HttpResponse<String> submit(String patient, String caseId, String key) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + casePath(caseId) + "/submit"))
        .header("Authorization", "Bearer " + patient).header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<ExecutionListItem> executionsOf(String caseId) {
    String machine = stack.functionEnvironment().get("DERMRELAY_CASE_WORKFLOW_ARN");
    try (SfnClient sfn = SfnClient.builder().endpointOverride(URI.create(stack.stepFunctionsEndpoint()))
        .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalStackConfig.ACCESS_KEY, LocalStackConfig.SECRET_KEY))).build()) {
      return sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(1000)).executions().stream()
          .filter(e -> e.name().equals(CLINIC + "-" + caseId)).toList();
    }
  }

  private static List<Map<String, AttributeValue>> audit() {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      return dynamoDb.queryPaginator(r -> r.tableName(LocalStackConfig.TABLE)
          .keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TENANT#" + CLINIC + "#AUDIT"))))
          .items().stream().toList();
    }
  }
}
