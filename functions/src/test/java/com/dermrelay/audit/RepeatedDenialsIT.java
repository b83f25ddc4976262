package com.dermrelay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.audit.RepeatedDenials;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audit flooding: a Northside patient asks for Harbour's cases 50 times. Harbour's trail holds one
 * record of it with the count and the first and last time, not 50; after the limit the caller is
 * answered 429 with Retry-After, and once the window is over the next attempt is a 404 again, in a
 * new record. The patient's own clinic is not affected.
 */
@ExtendWith(LocalStackExtension.class)
class RepeatedDenialsIT {
  private static final String OWN = "northside-skin";
  private static final String VICTIM = "harbour-dermatology";
  private static final String ROUTE = "GET /clinics/{tenantId}/cases";
  private static final int ATTEMPTS = 50;

  @Test
  void fiftyRefusedAttemptsAreOneRecordWithTheirCountAndTheCallerIsSlowedDown(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    String email = "prober-" + UUID.randomUUID() + "@example.com";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Prober-Patient-1",
            Map.of("email", email, "name", "Pat Prober", "custom:tenantId", OWN),
            Set.of("patient"));
    String prober = api.idToken(email, "Prober-Patient-1");
    String harbourAdmin = api.idToken("admin@harbour.example", "Demo-Admin-1");
    // At the start of a window, so the attempts cannot straddle two.
    Instant now = stack.stepFunctions().clock().now();
    long window = RepeatedDenials.WINDOW.getSeconds();
    Instant nextWindow = Instant.ofEpochSecond((now.getEpochSecond() / window + 1) * window);
    stack.stepFunctions().manualClock().advance(Duration.between(now, nextWindow));

    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < ATTEMPTS; i++) {
      last = api.get("/clinics/" + VICTIM + "/cases", prober);
      statuses.add(last.statusCode());
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      expected.add(i < RepeatedDenials.LIMIT ? 404 : 429);
    }
    assertEquals(expected, statuses);
    assertEquals("application/problem+json", last.headers().firstValue("Content-Type").orElse(""));
    assertEquals("urn:dermrelay:problem:rate-limited", ApiCalls.json(last).get("type").asText());
    long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= window, "Retry-After " + retryAfter);

    List<JsonNode> records = probersRecords(api, harbourAdmin, subjectOf(prober));
    assertEquals(1, records.size(), records.toString());
    JsonNode record = records.get(0);
    assertEquals("DENIED", record.get("outcome").asText());
    assertEquals("access." + ROUTE, record.get("action").asText());
    assertEquals(ATTEMPTS, record.get("attempts").asInt(), record.toString());
    assertTrue(
        !Instant.parse(record.get("lastTime").asText())
            .isBefore(Instant.parse(record.get("time").asText())),
        record.toString());
    assertEquals(
        200, api.get("/clinics/" + OWN + "/cases", prober).statusCode(), "the caller's own clinic");

    // Once the window is over the caller is answered as before, and a new record starts.
    stack.stepFunctions().manualClock().advance(Duration.ofSeconds(window));
    assertEquals(404, api.get("/clinics/" + VICTIM + "/cases", prober).statusCode());
    List<JsonNode> after = probersRecords(api, harbourAdmin, subjectOf(prober));
    assertEquals(2, after.size(), after.toString());
    assertEquals(1, after.get(0).get("attempts").asInt(), "newest first: " + after);
  }

  private static List<JsonNode> probersRecords(ApiCalls api, String admin, String subject) {
    HttpResponse<String> response =
        api.get(
            "/clinics/"
                + VICTIM
                + "/audit-log?limit=100&user="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8),
            admin);
    assertEquals(200, response.statusCode(), response.body());
    List<JsonNode> records = new ArrayList<>();
    ApiCalls.json(response).get("records").forEach(records::add);
    return records;
  }

  private static String subjectOf(String idToken) {
    try {
      return ApiCalls.JSON
          .readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]))
          .get("sub")
          .asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
