package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security finding 7 (docs/security.md): an Idempotency-Key over the contract's 200 characters, or
 * of characters it does not allow, is refused with 400 naming the header, before anything is made.
 */
@ExtendWith(LocalStackExtension.class)
class IdempotencyKeyIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> signUp(LocalStack stack, String slug, String key) {
    String body =
        ApiCalls.JSON
            .createObjectNode()
            .put("displayName", "Clinic " + slug)
            .put("slug", slug)
            .put("region", "us-east-1")
            .put("adminName", "Admin of " + slug)
            .put("adminEmail", "admin@" + slug + ".example")
            .put("acceptedTerms", true)
            .toString();
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/public/clinic-sign-ups"))
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertRefusedNamingTheHeader(HttpResponse<String> response) {
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    JsonNode problem = ApiCalls.json(response);
    assertEquals("urn:dermrelay:problem:invalid-request", problem.get("type").asText());
    assertTrue(problem.get("detail").asText().contains("'Idempotency-Key'"), problem.toString());
  }

  @Test
  void aSignUpWithAKeyOf5000CharactersIsRefusedAndMakesNoClinic(LocalStack stack) {
    // Refused before the sign-up rate limit counts anything, so these attempts spend none of it.
    HttpResponse<String> refused = signUp(stack, "longkey", "k".repeat(5_000));
    assertRefusedNamingTheHeader(refused);
    assertFalse(refused.body().contains("kkkkkkkk"), "the value is not quoted back");
    assertTrue(
        stack.outbox().messagesTo("admin@longkey.example").isEmpty(), "no admin account was made");
    assertRefusedNamingTheHeader(signUp(stack, "longkey", "k".repeat(201)));
    assertRefusedNamingTheHeader(signUp(stack, "longkey", "key with spaces"));
    assertEquals(
        404,
        new ApiCalls(stack).get("/public/clinics/longkey/branding", null).statusCode(),
        "the refused attempts took no slug");
  }

  @Test
  void aSubmissionWithAnOverlongKeyIsRefusedAndTheCaseStaysADraft(LocalStack stack)
      throws Exception {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient("northside-skin");
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    HttpResponse<String> refused =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        stack.gatewayUrl() + "/clinics/northside-skin/cases/" + caseId + "/submit"))
                .header("Authorization", "Bearer " + patient.token())
                .header("Idempotency-Key", "k".repeat(5_000))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertRefusedNamingTheHeader(refused);
    assertEquals(
        "DRAFT",
        ApiCalls.json(api.get("/clinics/northside-skin/cases/" + caseId, patient.token()))
            .get("status")
            .asText());
  }
}
