package com.dermrelay.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A patient's whole intake through HTTP, for tests that need a submitted case: a new patient
 * account, a draft with complete answers and the clinic's consent, two checked photos uploaded to
 * S3, and the submission (which starts the case workflow; locally it has queued the case for review
 * when the call returns). Also reads a case's items straight from the table.
 */
public final class IntakeJourney {
  private static final Map<String, String> DEMO_SLUGS =
      Map.of("northside-skin", "northside", "harbour-dermatology", "harbour");

  /**
   * The two sharp photos every case gets, made once: encoding 1600 x 1200 costs a tenth of a
   * second.
   */
  private static final Map<Integer, byte[]> SHARP = new ConcurrentHashMap<>();

  /** The password of every patient {@link #newPatient} makes. */
  public static final String PASSWORD = "Journey-Patient-1";

  private final LocalStack stack;
  private final ApiCalls api;

  public IntakeJourney(LocalStack stack, ApiCalls api) {
    this.stack = stack;
    this.api = api;
  }

  /** A signed-in patient of one clinic. */
  public record Patient(String clinic, String token, String subject, String email) {}

  /** A submitted case and its patient. */
  public record SubmittedCase(Patient patient, String caseId) {
    public String path() {
      return "/clinics/" + patient.clinic() + "/cases/" + caseId;
    }

    /** The ARN of the case's workflow execution (named {@code <tenantId>-<caseId>}). */
    public String executionArn() {
      return "arn:aws:states:"
          + LocalStackConfig.REGION
          + ":"
          + LocalStackConfig.ACCOUNT_ID
          + ":execution:"
          + LocalStackConfig.CASE_WORKFLOW
          + ":"
          + patient.clinic()
          + "-"
          + caseId;
    }
  }

  public Patient newPatient(String clinic) {
    String email = "journey-" + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            PASSWORD,
            Map.of("email", email, "name", "Journey Patient", "custom:tenantId", clinic),
            Set.of("patient"));
    String token = api.idToken(email, PASSWORD);
    // submitCase needs the profile: triage reads the age from it.
    HttpResponse<String> profile =
        api.call(
            "PUT",
            "/clinics/" + clinic + "/me/profile",
            token,
            "{\"dateOfBirth\":\"1971-06-15\",\"sex\":\"female\"}");
    assertEquals(200, profile.statusCode(), profile.body());
    return new Patient(clinic, token, subjectOf(token), email);
  }

  /** Replaces the patient's profile through the API (their own call, on the version read). */
  public void saveProfile(Patient patient, String dateOfBirth, String sex) {
    String path = "/clinics/" + patient.clinic() + "/me/profile";
    long version = ApiCalls.json(api.get(path, patient.token())).path("version").asLong(0);
    HttpResponse<String> saved =
        api.call(
            "PUT",
            path,
            patient.token(),
            "{\"dateOfBirth\":\""
                + dateOfBirth
                + "\",\"sex\":\""
                + sex
                + "\",\"version\":"
                + version
                + "}");
    assertEquals(200, saved.statusCode(), saved.body());
  }

  /**
   * A spot with nothing worrying (no change, nothing irregular, no bleeding, no risk factor):
   * triaged ROUTINE. Callers change fields for other priorities.
   */
  public static ObjectNode routineIntake() {
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
        .put("size", "no")
        .put("shape", "no")
        .put("colour", "no")
        .put("other", "no");
    intake
        .putObject("abcde")
        .put("asymmetry", "no")
        .put("borderIrregular", "no")
        .put("colourVariation", "no");
    intake
        .put("diameterMm", 4)
        .put("inflammation", "no")
        .put("personalSkinCancerHistory", "no")
        .put("familySkinCancerHistory", "no")
        .put("immunosuppressed", "no")
        .put("medicines", "none")
        .put("allergies", "none")
        .put("treatmentsTried", "moisturiser")
        .put("pregnancy", "not-applicable")
        .put("fitzpatrickType", 2)
        .put("ownWords", "A dry patch.");
    return intake;
  }

  /** Triaged URGENT: the spot has grown and has several colours (7-point checklist score 4). */
  public static ObjectNode urgentIntake() {
    ObjectNode intake = routineIntake();
    ((ObjectNode) intake.get("changes")).put("size", "yes");
    ((ObjectNode) intake.get("abcde")).put("colourVariation", "yes");
    return intake;
  }

  /** A rash in one area with nothing alarming: ROUTINE. Callers add the rash signs. */
  public static ObjectNode rashIntake() {
    ObjectNode intake = routineIntake();
    for (String spotOnly :
        java.util.List.of("lesionCount", "spotOrigin", "changes", "abcde", "diameterMm")) {
      intake.remove(spotOnly);
    }
    intake
        .put("problem", "rash")
        .put("rashExtent", "one-area")
        .put("rashWorseningRapidly", false)
        .put("blisters", "no")
        .put("skinPeeling", "no")
        .put("faceOrLipSwelling", false)
        .put("fever", "no")
        .put("feelingUnwell", "no")
        .put("newMedicine", "no")
        .put("ownWords", "An itchy patch.");
    return intake;
  }

  /** Triaged SOON: the spot bleeds without injury. */
  public static ObjectNode soonIntake() {
    ObjectNode intake = routineIntake();
    ((ObjectNode) intake.get("symptoms")).put("bleeding", true);
    return intake;
  }

  /** A new patient's case with {@code intake}, submitted; returns once submitCase answered 200. */
  public SubmittedCase submit(String clinic, ObjectNode intake) {
    return submitAs(newPatient(clinic), intake);
  }

  /** Another case of {@code patient}, submitted with two checked photos. */
  public SubmittedCase submitAs(Patient patient, ObjectNode intake) {
    String caseId = readyToSubmit(patient, intake);
    HttpResponse<String> submitted = submitCall(patient, caseId);
    assertEquals(200, submitted.statusCode(), submitted.body());
    return new SubmittedCase(patient, caseId);
  }

  /**
   * A draft with {@code intake} and two checked photos, not yet submitted (bench times the
   * submission); its id.
   */
  public String readyToSubmit(Patient patient, ObjectNode intake) {
    String caseId = draft(patient, intake);
    uploadPhoto(patient, caseId, "close_up");
    uploadPhoto(patient, caseId, "context");
    return caseId;
  }

  /** A draft with {@code intake} and the clinic's current consent; its id. */
  public String draft(Patient patient, ObjectNode intake) {
    String body = draftBody(intake, consentVersion(patient.clinic()));
    HttpResponse<String> response =
        api.call("POST", "/clinics/" + patient.clinic() + "/cases", patient.token(), body);
    assertEquals(201, response.statusCode(), response.body());
    return ApiCalls.json(response).get("caseId").asText();
  }

  /** A createCase body: no emergency sign, {@code intake}, consent to {@code consentVersion}. */
  public static String draftBody(ObjectNode intake, String consentVersion) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("emergencyScreen")
        .put("feverWithWidespreadRash", false)
        .put("blisteringOrPeelingSkin", false)
        .put("rapidlySpreadingPainfulRedness", false)
        .put("faceOrLipSwellingOrBreathingTrouble", false);
    body.set("intake", intake);
    body.put("consentVersion", consentVersion);
    return body.toString();
  }

  /** Uploads a sharp photo of {@code view} to its presigned URL and confirms it (checked). */
  public JsonNode uploadPhoto(Patient patient, String caseId, String view) {
    // The two views of one case must differ, or the duplicate check advises a retake.
    return uploadPhoto(
        patient,
        caseId,
        view,
        SHARP.computeIfAbsent(
            "close_up".equals(view) ? 0 : 1, variant -> Photos.sharp(1600, 1200, variant)));
  }

  /**
   * Uploads {@code photo} (JPEG bytes) as {@code view} and confirms it; the confirmation's answer.
   */
  public JsonNode uploadPhoto(Patient patient, String caseId, String view, byte[] photo) {
    return uploadPhoto(patient, caseId, view, photo, null);
  }

  /**
   * Uploads {@code photo} as {@code view} with {@code dermoscopy} facts in its slot request (none
   * when null), and confirms it; the confirmation's answer.
   */
  public JsonNode uploadPhoto(
      Patient patient, String caseId, String view, byte[] photo, ObjectNode dermoscopy) {
    String casePath = "/clinics/" + patient.clinic() + "/cases/" + caseId;
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    ObjectNode wanted =
        body.putArray("photos")
            .addObject()
            .put("view", view)
            .put("contentType", "image/jpeg")
            .put("sizeBytes", photo.length);
    if (dermoscopy != null) {
      wanted.set("dermoscopy", dermoscopy);
    }
    HttpResponse<String> slots =
        api.call("POST", casePath + "/photo-uploads", patient.token(), body.toString());
    assertEquals(201, slots.statusCode(), slots.body());
    JsonNode slot = ApiCalls.json(slots).get("uploads").get(0);
    HttpRequest put =
        HttpRequest.newBuilder(URI.create(slot.get("url").asText()))
            .header("Content-Type", slot.at("/headers/Content-Type").asText())
            .PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
            .build();
    assertEquals(200, send(put).statusCode());
    HttpResponse<String> confirmed =
        api.call(
            "POST",
            casePath + "/photos/" + slot.get("photoId").asText() + "/confirm",
            patient.token(),
            "{\"keep\":false}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    return ApiCalls.json(confirmed);
  }

  public HttpResponse<String> submitCall(Patient patient, String caseId) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    stack.gatewayUrl()
                        + "/clinics/"
                        + patient.clinic()
                        + "/cases/"
                        + caseId
                        + "/submit"))
            .header("Authorization", "Bearer " + patient.token())
            .header("Idempotency-Key", "key-" + UUID.randomUUID())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return send(request);
  }

  public String consentVersion(String clinic) {
    return ApiCalls.json(
            api.get(
                "/public/clinics/" + DEMO_SLUGS.getOrDefault(clinic, clinic) + "/branding", null))
        .at("/consent/version")
        .asText();
  }

  /** The case document as stored (the table's {@code doc}), e.g. to read its triage. */
  public JsonNode storedCase(String clinic, String caseId) {
    return item(clinic, caseId, "CASE")
        .map(
            i -> {
              try {
                return ApiCalls.JSON.readTree(i.get("doc").s());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .orElseThrow();
  }

  /** The case's review item (waitingFor, priority, dueAt, claim), if the workflow wrote one. */
  public Optional<Map<String, AttributeValue>> reviewItem(String clinic, String caseId) {
    return item(clinic, caseId, "REVIEW");
  }

  private Optional<Map<String, AttributeValue>> item(String clinic, String caseId, String sk) {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      Map<String, AttributeValue> item =
          dynamoDb
              .getItem(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  "pk",
                                      AttributeValue.fromS("TENANT#" + clinic + "#CASE#" + caseId),
                                  "sk", AttributeValue.fromS(sk))))
              .item();
      return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
  }

  public static String subjectOf(String token) {
    try {
      return ApiCalls.JSON
          .readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
          .get("sub")
          .asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
