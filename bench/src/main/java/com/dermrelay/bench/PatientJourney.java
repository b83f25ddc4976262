package com.dermrelay.bench;

import com.dermrelay.local.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A patient's intake through HTTP, as the tests' IntakeJourney does it (bench cannot depend on
 * test classes): a new patient with a profile, a routine draft, two photos uploaded to their
 * presigned URLs and confirmed, then {@link #submit}. Also the dermatologist's worklist read.
 */
final class PatientJourney {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, String> DEMO_SLUGS = Map.of(
      "northside-skin", "northside", "harbour-dermatology", "harbour");

  private final LocalStack stack;
  private final byte[] closeUp = sharpJpeg(1600, 1200, 0);
  private final byte[] context = sharpJpeg(1600, 1200, 1);

  PatientJourney(LocalStack stack) {
    this.stack = stack;
  }

  record Draft(String clinic, String token, String caseId) {}

  String token(String email, String password) {
    return stack.identity().signIn(email, password).idToken();
  }

  /** A new patient of {@code clinic} with a saved profile, and their draft with two checked photos. */
  Draft readyToSubmit(String clinic) {
    Draft draft = draftWithoutPhotos(clinic);
    upload(clinic, draft.token(), draft.caseId(), "close_up", closeUp);
    upload(clinic, draft.token(), draft.caseId(), "context", context);
    return draft;
  }

  /** A new patient of {@code clinic} with a saved profile, and their draft, no photo yet. */
  Draft draftWithoutPhotos(String clinic) {
    String email = "bench-" + UUID.randomUUID() + "@example.com";
    stack.identity().createConfirmedUser(email, "Bench-Patient-1",
        Map.of("email", email, "name", "Bench Patient", "custom:tenantId", clinic), Set.of("patient"));
    String token = token(email, "Bench-Patient-1");
    expect(200, call("PUT", "/clinics/" + clinic + "/me/profile", token,
        "{\"dateOfBirth\":\"1971-06-15\",\"sex\":\"female\"}"));
    ObjectNode body = JSON.createObjectNode();
    body.putObject("emergencyScreen").put("feverWithWidespreadRash", false)
        .put("blisteringOrPeelingSkin", false).put("rapidlySpreadingPainfulRedness", false)
        .put("faceOrLipSwellingOrBreathingTrouble", false);
    body.set("intake", routineIntake());
    body.put("consentVersion", json(call("GET", "/public/clinics/" + DEMO_SLUGS.getOrDefault(clinic, clinic)
        + "/branding", null, null)).at("/consent/version").asText());
    String caseId = json(expect(201, call("POST", "/clinics/" + clinic + "/cases", token, body.toString())))
        .get("caseId").asText();
    return new Draft(clinic, token, caseId);
  }

  HttpResponse<String> submit(Draft draft) {
    return send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/clinics/" + draft.clinic() + "/cases/"
            + draft.caseId() + "/submit"))
        .header("Authorization", "Bearer " + draft.token())
        .header("Idempotency-Key", "key-" + UUID.randomUUID())
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** Whether {@code caseId} is on the worklist, following every page. */
  boolean onWorklist(String token, String caseId) {
    String cursor = null;
    do {
      String path = "/worklist?limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page = json(expect(200, call("GET", path, token, null)));
      for (JsonNode row : page.path("cases")) {
        if (caseId.equals(row.path("caseId").asText())) {
          return true;
        }
      }
      cursor = page.hasNonNull("nextCursor")
          ? java.net.URLEncoder.encode(page.get("nextCursor").asText(), java.nio.charset.StandardCharsets.UTF_8)
          : null;
    } while (cursor != null);
    return false;
  }

  private void upload(String clinic, String token, String caseId, String view, byte[] photo) {
    String casePath = "/clinics/" + clinic + "/cases/" + caseId;
    ObjectNode body = JSON.createObjectNode();
    body.putArray("photos").addObject().put("view", view).put("contentType", "image/jpeg")
        .put("sizeBytes", photo.length);
    JsonNode slot = json(expect(201, call("POST", casePath + "/photo-uploads", token, body.toString())))
        .get("uploads").get(0);
    expect(200, send(HttpRequest.newBuilder(URI.create(slot.get("url").asText()))
        .header("Content-Type", slot.at("/headers/Content-Type").asText())
        .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build()));
    expect(200, call("POST", casePath + "/photos/" + slot.get("photoId").asText() + "/confirm", token,
        "{\"keep\":false}"));
  }

  HttpResponse<String> call(String method, String path, String token, String jsonBody) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(request.build());
  }

  static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      // Status and path only: the body of a failed intake call may echo answers.
      throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
          + " answered " + response.statusCode() + ", expected " + status);
    }
    return response;
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String subjectOf(String token) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Nothing worrying: triaged ROUTINE. */
  private static ObjectNode routineIntake() {
    ObjectNode intake = JSON.createObjectNode();
    intake.putArray("bodySites").addObject().put("region", "forearm").put("laterality", "left");
    intake.put("problem", "spot").put("onset", "gradual").put("durationDays", 60).put("lesionCount", "one")
        .put("spotOrigin", "long-standing");
    intake.putObject("symptoms").put("itch", true).put("pain", false).put("bleeding", false)
        .put("oozingOrCrusting", false).put("sensationChange", false);
    intake.putObject("changes").put("size", "no").put("shape", "no").put("colour", "no").put("other", "no");
    intake.putObject("abcde").put("asymmetry", "no").put("borderIrregular", "no").put("colourVariation", "no");
    intake.put("diameterMm", 4).put("inflammation", "no").put("personalSkinCancerHistory", "no")
        .put("familySkinCancerHistory", "no").put("immunosuppressed", "no").put("medicines", "none")
        .put("allergies", "none").put("treatmentsTried", "moisturiser").put("pregnancy", "not-applicable")
        .put("fitzpatrickType", 2).put("ownWords", "A dry patch.");
    return intake;
  }

  /** A sharp textured JPEG; the two variants differ, or the duplicate check advises a retake. */
  private static byte[] sharpJpeg(int width, int height, int variant) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double t = variant % 2 == 0 ? (double) x / width : (double) y / height;
        int base = (int) (80 + 90 * t);
        int texture = ((x / 6 + y / 6) % 2 == 0) ? 35 : -35;
        int v = Math.max(0, Math.min(255, base + texture));
        image.setRGB(x, y, (Math.min(255, v + 30) << 16) | (v << 8) | Math.max(0, v - 20));
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
