package com.dermrelay.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A dermatologist's review steps over HTTP, for tests whose subject is what comes after them. */
public final class ReviewCalls {
  private final ApiCalls api;
  private final String token;

  /** Steps taken with {@code dermatologistToken} (an ID token of a member of the case's clinic). */
  public ReviewCalls(ApiCalls api, String dermatologistToken) {
    this.api = api;
    this.token = dermatologistToken;
  }

  /** Whether {@code caseId} is on this dermatologist's merged worklist, following every page. */
  public boolean onWorklist(String caseId) {
    String cursor = null;
    do {
      String path = "/worklist?limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
      HttpResponse<String> read = api.get(path, token);
      assertEquals(200, read.statusCode(), "GET /worklist");
      JsonNode page = ApiCalls.json(read);
      for (JsonNode row : page.path("cases")) {
        if (caseId.equals(row.path("caseId").asText())) {
          return true;
        }
      }
      cursor =
          page.hasNonNull("nextCursor")
              ? URLEncoder.encode(page.get("nextCursor").asText(), StandardCharsets.UTF_8)
              : null;
    } while (cursor != null);
    return false;
  }

  public void claim(String clinic, String caseId) {
    HttpResponse<String> claimed =
        api.call("POST", "/clinics/" + clinic + "/reviews/" + caseId + "/claim", token, null);
    assertEquals(200, claimed.statusCode(), claimed.body());
  }

  public void askQuestion(String clinic, String caseId, String question) {
    askQuestion(clinic, caseId, question, false);
  }

  /** As {@link #askQuestion(String, String, String)}, asking for new photos when {@code photos}. */
  public void askQuestion(String clinic, String caseId, String question, boolean photos) {
    com.fasterxml.jackson.databind.node.ObjectNode body =
        ApiCalls.JSON.createObjectNode().put("question", question);
    if (photos) {
      body.put("newPhotos", true);
    }
    HttpResponse<String> asked =
        api.call(
            "POST",
            "/clinics/" + clinic + "/cases/" + caseId + "/info-requests",
            token,
            body.toString());
    assertEquals(200, asked.statusCode(), asked.body());
  }

  /** Claims the case and answers it with {@code answer} (an {@code answerCase} body). */
  public void claimAndAnswer(String clinic, String caseId, ObjectNode answer) {
    claim(clinic, caseId);
    HttpResponse<String> answered =
        api.call(
            "POST",
            "/clinics/" + clinic + "/cases/" + caseId + "/answer",
            token,
            answer.toString());
    assertEquals(200, answered.statusCode(), answered.body());
  }

  /**
   * Atopic eczema (differential: contact dermatitis) with one hydrocortisone prescription, no
   * referral, photos again in 28 days.
   */
  public static ObjectNode eczemaAnswer(String explanation, String plan) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("diagnosis").put("code", "atopic-eczema").put("note", "flexural");
    body.putArray("differentials").add("allergic-contact-dermatitis");
    body.put("patientExplanation", explanation);
    body.put("treatmentPlan", plan);
    body.putArray("prescriptions")
        .addObject()
        .put("medicine", "Hydrocortisone")
        .put("strength", "1%")
        .put("form", "cream")
        .put("directions", "Apply thinly twice a day for up to 14 days.")
        .put("quantity", "30 g")
        .put("refills", 1);
    body.putObject("referral").put("advised", false);
    body.putObject("followUp").put("inDays", 28);
    return body;
  }
}
