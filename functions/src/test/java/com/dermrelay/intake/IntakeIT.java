package com.dermrelay.intake;

import static com.dermrelay.intake.IntakeSteps.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.cases.IntakeVersions;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.Photos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A patient's intake through HTTP on the local stack: drafts, photo uploads to S3, submission. */
@ExtendWith(LocalStackExtension.class)
class IntakeIT {
  private static ApiCalls api;

  @BeforeAll
  static void stack(LocalStack localStack) {
    IntakeSteps.use(localStack);
    api = new ApiCalls(localStack);
  }

  @Test
  void aPatientSubmitsACompleteIntakeWithPhotosAndItsWorkflowStartsOnce() throws Exception {
    String patient = newPatient();
    JsonNode draft = create(patient, completeIntake(), consentVersion());
    String caseId = draft.get("caseId").asText();
    assertEquals("DRAFT", draft.get("status").asText());
    assertTrue(draft.hasNonNull("expiresAt"), "a draft expires");

    JsonNode closeUp = uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(1600, 1200, 0));
    assertEquals("CHECKED", closeUp.get("status").asText());
    assertEquals("ACCEPTED", closeUp.get("verdict").asText(), closeUp.toString());
    JsonNode context = uploadAndConfirm(patient, caseId, "context", Photos.sharp(1600, 1200, 1));
    assertEquals("ACCEPTED", context.get("verdict").asText(), context.toString());

    HttpResponse<String> submitted = submit(patient, caseId, "key-" + UUID.randomUUID());
    assertEquals(200, submitted.statusCode(), submitted.body());
    assertEquals("SUBMITTED", ApiCalls.json(submitted).get("status").asText());
    assertFalse(ApiCalls.json(submitted).has("expiresAt"), "a submitted case does not expire");

    JsonNode read = ApiCalls.json(api.get(casePath(caseId), patient));
    // The case workflow has run meanwhile (locally StartExecution runs to the first wait).
    assertEquals("QUEUED", read.get("status").asText());
    assertFalse(read.get("emergencySigns").asBoolean(), "no emergency sign in the answers");
    assertEquals(2, read.get("photos").size());
    assertEquals(1, executionsOf(caseId).size(), "one execution " + CLINIC + "-" + caseId);

    JsonNode list = ApiCalls.json(api.get("/clinics/" + CLINIC + "/cases", patient));
    assertEquals(caseId, list.at("/cases/0/caseId").asText());
    assertEquals(1, list.get("cases").size());

    try (S3Client s3 = api.s3()) {
      List<String> keys =
          s3
              .listObjectsV2(
                  r ->
                      r.bucket(LocalStackConfig.MEDIA_BUCKET)
                          .prefix(CLINIC + "/cases/" + caseId + "/"))
              .contents()
              .stream()
              .map(S3Object::key)
              .toList();
      assertEquals(4, keys.size(), keys.toString());
      assertTrue(keys.stream().noneMatch(k -> k.contains("/raw/")), "raw uploads deleted");
      for (JsonNode photo : List.of(closeUp, context)) {
        String id = photo.get("photoId").asText();
        String prefix = CLINIC + "/cases/" + caseId + "/";
        assertTrue(keys.contains(prefix + "clean/" + id + ".jpg"), keys.toString());
        byte[] thumbnail =
            s3.getObjectAsBytes(
                    r ->
                        r.bucket(LocalStackConfig.MEDIA_BUCKET)
                            .key(prefix + "thumb/" + id + ".jpg"))
                .asByteArray();
        java.awt.image.BufferedImage small =
            javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail));
        assertEquals(320, Math.max(small.getWidth(), small.getHeight()), "a thumbnail 320 px long");
        assertTrue(
            thumbnail.length < 40_000, "a small thumbnail, was " + thumbnail.length + " bytes");
      }
    }
  }

  @Test
  void anEmergencyAnswerStopsTheCaseAndTellsThePatientToSeekCareNow() {
    String patient = newPatient();
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.set("emergencyScreen", screen(false, false, true, false));
    HttpResponse<String> response =
        api.call("POST", "/clinics/" + CLINIC + "/cases", patient, body.toString());
    assertEquals(422, response.statusCode(), response.body());
    assertTrue(ApiCalls.json(response).get("detail").asText().contains("emergency"));
    assertEquals(
        0, ApiCalls.json(api.get("/clinics/" + CLINIC + "/cases", patient)).get("cases").size());
    assertTrue(
        audit().stream()
            .anyMatch(
                a ->
                    a.get("action").s().equals("case.emergency-stop")
                        && a.get("patientSubject") != null
                        && subjectOf(patient).equals(a.get("patientSubject").s())));
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
    HttpResponse<String> response =
        api.call("POST", "/clinics/" + CLINIC + "/cases", patient, body.toString());
    assertEquals(400, response.statusCode(), response.body());
    List<String> pointers = new ArrayList<>();
    ApiCalls.json(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/intake/bodySites/0/region", "/intake/durationDays"), pointers);
  }

  @Test
  void numbersAndTypesArriveAsSentOrAreRefusedWithThePointer() {
    String patient = newPatient();
    ObjectNode intake = completeIntake().put("diameterMm", 6.9);
    JsonNode draft = create(patient, intake, null);
    String caseId = draft.get("caseId").asText();
    assertEquals(6.9, draft.at("/intake/diameterMm").asDouble(), "6.9 mm stays 6.9 mm");
    assertEquals(IntakeVersions.CURRENT, draft.get("intakeVersion").asInt());
    long version = draft.get("version").asLong();
    // string to number, fraction to whole number, number to string, number to boolean, and a
    // diameter with two decimals: each refused, naming the field, the draft unchanged
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put(
        "/intake/diameterMm",
        "{\"version\":" + version + ",\"intake\":" + completeIntake().put("diameterMm", "7") + "}");
    refusals.put(
        "/intake/durationDays",
        "{\"version\":"
            + version
            + ",\"intake\":"
            + completeIntake().put("durationDays", 60.5)
            + "}");
    refusals.put(
        "/intake/ownWords",
        "{\"version\":" + version + ",\"intake\":" + completeIntake().put("ownWords", 7) + "}");
    ObjectNode numberForBoolean = completeIntake();
    ((ObjectNode) numberForBoolean.get("symptoms")).put("itch", 1);
    refusals.put(
        "/intake/symptoms/itch",
        "{\"version\":" + version + ",\"intake\":" + numberForBoolean + "}");
    refusals.put("/version", "{\"version\":\"" + version + "\"}");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      HttpResponse<String> response =
          api.call("PATCH", casePath(caseId), patient, refusal.getValue());
      assertEquals(400, response.statusCode(), response.body());
      assertEquals(
          refusal.getKey(),
          ApiCalls.json(response).at("/errors/0/pointer").asText(),
          response.body());
    }
    HttpResponse<String> twoDecimals =
        api.call(
            "PATCH",
            casePath(caseId),
            patient,
            "{\"version\":"
                + version
                + ",\"intake\":"
                + completeIntake().put("diameterMm", 6.95)
                + "}");
    assertEquals(400, twoDecimals.statusCode(), twoDecimals.body());
    assertEquals("/intake/diameterMm", ApiCalls.json(twoDecimals).at("/errors/0/pointer").asText());
    JsonNode read = ApiCalls.json(api.get(casePath(caseId), patient));
    assertEquals(version, read.get("version").asLong(), "nothing was written");
    assertEquals(6.9, read.at("/intake/diameterMm").asDouble());
  }

  @Test
  void aDraftOpenedUnderIntakeVersionOneStillOpensAndSubmits() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, null, consentVersion()).get("caseId").asText();
    // The draft as version 1 stored it: no intakeVersion, yes/no answers as booleans.
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      Map<String, AttributeValue> key =
          Map.of(
              "pk",
              AttributeValue.fromS("TENANT#" + CLINIC + "#CASE#" + caseId),
              "sk",
              AttributeValue.fromS("CASE"));
      Map<String, AttributeValue> item =
          new java.util.HashMap<>(
              dynamoDb
                  .getItem(r -> r.tableName(LocalStackConfig.TABLE).key(key).consistentRead(true))
                  .item());
      ObjectNode doc = (ObjectNode) ApiCalls.JSON.readTree(item.get("doc").s());
      doc.remove("intakeVersion");
      doc.set(
          "intake",
          ApiCalls.JSON.readTree(
              """
          {"bodySites": [{"region": "back-of-hand", "laterality": "right"}], "onset": "gradual", "durationDays": 90,
           "lesionCount": "one",
           "symptoms": {"itch": false, "pain": false, "bleeding": false, "oozingOrCrusting": false, "sensationChange": false},
           "changes": {"size": true, "shape": false, "colour": true}, "diameterMm": 6,
           "personalSkinCancerHistory": false, "familySkinCancerHistory": false, "immunosuppressed": false,
           "medicines": "", "allergies": "", "treatmentsTried": "", "pregnancy": "no",
           "ownWords": "A mole on my hand that grew and went darker."}"""));
      item.put("doc", AttributeValue.fromS(doc.toString()));
      dynamoDb.putItem(r -> r.tableName(LocalStackConfig.TABLE).item(item));
    }
    JsonNode opened = ApiCalls.json(api.get(casePath(caseId), patient));
    assertEquals(IntakeVersions.V1, opened.get("intakeVersion").asInt(), opened.toString());
    assertEquals(
        "yes", opened.at("/intake/changes/colour").asText(), "version 1's true reads as yes");
    assertEquals("no", opened.at("/intake/personalSkinCancerHistory").asText());
    uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(1600, 1200, 0));
    uploadAndConfirm(patient, caseId, "context", Photos.sharp(1600, 1200, 1));
    HttpResponse<String> submitted = submit(patient, caseId, "key-" + UUID.randomUUID());
    assertEquals(
        200, submitted.statusCode(), "version 1's questions are enough: " + submitted.body());
    JsonNode queued = ApiCalls.json(api.get(casePath(caseId), patient));
    assertEquals("QUEUED", queued.get("status").asText(), queued.toString());
    assertEquals(IntakeVersions.V1, queued.get("intakeVersion").asInt());
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
    uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(1600, 1200, 0));
    HttpResponse<String> response = submit(patient, caseId, "key-" + UUID.randomUUID());
    assertEquals(409, response.statusCode(), response.body());
    List<String> pointers = new ArrayList<>();
    ApiCalls.json(response).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    assertEquals(List.of("/consent", "/photos/context"), pointers);
    assertEquals("DRAFT", ApiCalls.json(api.get(casePath(caseId), patient)).get("status").asText());
    assertEquals(0, executionsOf(caseId).size());
  }

  @Test
  void submissionNeedsTheProfileAndTheCaseShowsTheAgeFromIt() throws Exception {
    String patient = newPatientWithoutProfile();
    String caseId = create(patient, completeIntake(), consentVersion()).get("caseId").asText();
    uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(1600, 1200, 0));
    uploadAndConfirm(patient, caseId, "context", Photos.sharp(1600, 1200, 1));
    HttpResponse<String> refused = submit(patient, caseId, "key-" + UUID.randomUUID());
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals(SubmitCase.INCOMPLETE_PROBLEM, ApiCalls.json(refused).get("type").asText());
    assertEquals("/profile", ApiCalls.json(refused).at("/errors/0/pointer").asText());
    assertEquals(1, ApiCalls.json(refused).get("errors").size());
    assertFalse(
        ApiCalls.json(api.get(casePath(caseId), patient)).has("patient"),
        "no profile, no age or sex");

    HttpResponse<String> saved =
        api.call(
            "PUT",
            "/clinics/" + CLINIC + "/me/profile",
            patient,
            "{\"dateOfBirth\":\""
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(41)
                + "\",\"sex\":\"male\"}");
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals(200, submit(patient, caseId, "key-" + UUID.randomUUID()).statusCode());
    JsonNode read = ApiCalls.json(api.get(casePath(caseId), patient));
    assertEquals(41, read.at("/patient/ageYears").asInt(), read.toString());
    assertEquals("male", read.at("/patient/sex").asText());
  }

  @Test
  void concurrentRetriesOfOneSubmissionSubmitOneCaseAndStartOneExecution() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, completeIntake(), consentVersion()).get("caseId").asText();
    uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(1600, 1200, 0));
    uploadAndConfirm(patient, caseId, "context", Photos.sharp(1600, 1200, 1));
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
        answers.add(
            c.get("caseId").asText()
                + "@"
                + c.get("version").asLong()
                + ":"
                + c.get("status").asText());
      }
      assertEquals(1, answers.size(), "every retry answers the same submitted case: " + answers);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, executionsOf(caseId).size());
    assertEquals(
        1, ApiCalls.json(api.get("/clinics/" + CLINIC + "/cases", patient)).get("cases").size());
    assertEquals(409, submit(patient, caseId, "another-key-" + UUID.randomUUID()).statusCode());
  }

  @Test
  void theSamePhotoForTwoViewsDrawsAdviceAndCountsOnlyOnceThePatientKeepsIt() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, completeIntake(), consentVersion()).get("caseId").asText();
    byte[] photo = Photos.sharp(1600, 1200, 0);
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
    assertEquals(
        404, api.get("/clinics/harbour-dermatology/cases/" + caseId, harbour).statusCode());
    assertTrue(
        audit().stream()
            .anyMatch(
                a ->
                    a.get("action").s().equals("case.read")
                        && a.get("outcome").s().equals("DENIED")
                        && a.get("resourceId").s().equals(caseId)
                        && a.get("actorSubject").s().equals(subjectOf(other))));
  }

  @Test
  void gpsTagsAreGoneFromTheStoredPhoto() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, null, null).get("caseId").asText();
    byte[] withGps = IntakePhotos.withGps(Photos.sharp(1600, 1200, 0));
    assertTrue(IntakePhotos.contains(withGps, "Exif".getBytes(StandardCharsets.US_ASCII)));
    JsonNode photo = uploadAndConfirm(patient, caseId, "close_up", withGps);
    String key = CLINIC + "/cases/" + caseId + "/clean/" + photo.get("photoId").asText() + ".jpg";
    try (S3Client s3 = api.s3()) {
      byte[] stored =
          s3.getObjectAsBytes(r -> r.bucket(LocalStackConfig.MEDIA_BUCKET).key(key)).asByteArray();
      assertEquals((byte) 0xD8, stored[1]);
      assertFalse(
          IntakePhotos.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII)),
          "EXIF left in");
      assertFalse(
          IntakePhotos.contains(stored, new byte[] {(byte) 0xFF, (byte) 0xE1}),
          "an APP1 segment left in");
      assertEquals(
          List.of(key, key.replace("/clean/", "/thumb/")),
          s3
              .listObjectsV2(
                  r ->
                      r.bucket(LocalStackConfig.MEDIA_BUCKET)
                          .prefix(CLINIC + "/cases/" + caseId + "/"))
              .contents()
              .stream()
              .map(S3Object::key)
              .toList(),
          "the clean copy and its thumbnail; the raw upload is deleted");
    }
  }

  @Test
  void s3RefusesAnotherContentTypeAndATamperedUrl() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, null, null).get("caseId").asText();
    byte[] photo = Photos.sharp(1600, 1200, 0);
    JsonNode slot = slots(patient, caseId, "close_up", photo.length).get(0);
    String url = slot.get("url").asText();
    assertEquals(403, put(url, "image/png", photo), "a content type other than the signed one");
    String photoId = slot.get("photoId").asText();
    String tampered = url.replace("/raw/" + photoId, "/raw/" + UUID.randomUUID());
    assertNotEquals(url, tampered);
    assertEquals(403, put(tampered, "image/jpeg", photo), "a changed key");
    assertEquals(
        403,
        put(url, "image/jpeg", java.util.Arrays.copyOf(photo, photo.length - 1)),
        "another size");
    try (S3Client s3 = api.s3()) {
      assertEquals(
          0,
          s3.listObjectsV2(
                  r ->
                      r.bucket(LocalStackConfig.MEDIA_BUCKET)
                          .prefix(CLINIC + "/cases/" + caseId + "/"))
              .contents()
              .size());
    }
  }

  @Test
  void aTooSmallImageIsRejectedAndNothingIsStored() throws Exception {
    String patient = newPatient();
    String caseId = create(patient, null, null).get("caseId").asText();
    JsonNode photo = uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(400, 300, 0));
    assertEquals("REJECTED", photo.get("status").asText());
    assertEquals("too_small", photo.at("/findings/0/code").asText());
    assertFalse(photo.at("/findings/0/advice").asText().isBlank());
    try (S3Client s3 = api.s3()) {
      assertEquals(
          0,
          s3.listObjectsV2(
                  r ->
                      r.bucket(LocalStackConfig.MEDIA_BUCKET)
                          .prefix(CLINIC + "/cases/" + caseId + "/"))
              .contents()
              .size());
    }
  }
}
