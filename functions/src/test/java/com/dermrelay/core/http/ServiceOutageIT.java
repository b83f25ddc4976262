package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * S3 or the identity service down for a while (issue 20's faults): the API answers 503 problem+json
 * with {@code Retry-After}, never a 500, and the same request works once the service is back. The
 * outage is real: the emulator's port refuses connections, its data is kept.
 */
@ExtendWith(LocalStackExtension.class)
class ServiceOutageIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CLINIC = "northside-skin";

  @Test
  void withS3DownAPhotoCheckAnswers503AndWorksWhenS3IsBack(LocalStack stack) throws Exception {
    Assumptions.assumeTrue(
        stack.canInterrupt(LocalStack.Outage.S3), "S3 is an external service in this stack");
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient(CLINIC);
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    String casePath = "/clinics/" + CLINIC + "/cases/" + caseId;
    byte[] photo = Photos.sharp(1600, 1200, 0);
    ObjectNode request = ApiCalls.JSON.createObjectNode();
    request
        .putArray("photos")
        .addObject()
        .put("view", "close_up")
        .put("contentType", "image/jpeg")
        .put("sizeBytes", photo.length);
    HttpResponse<String> slots =
        api.call("POST", casePath + "/photo-uploads", patient.token(), request.toString());
    assertEquals(201, slots.statusCode(), slots.body());
    JsonNode slot = ApiCalls.json(slots).get("uploads").get(0);
    HttpResponse<String> uploaded =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(slot.get("url").asText()))
                .header("Content-Type", slot.at("/headers/Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, uploaded.statusCode());
    String confirm = casePath + "/photos/" + slot.get("photoId").asText() + "/confirm";

    stack.interrupt(LocalStack.Outage.S3);
    HttpResponse<String> during;
    try {
      during = api.call("POST", confirm, patient.token(), "{\"keep\":false}");
    } finally {
      stack.resume(LocalStack.Outage.S3);
    }

    assertServiceUnavailable(during);
    HttpResponse<String> after = api.call("POST", confirm, patient.token(), "{\"keep\":false}");
    assertEquals(200, after.statusCode(), after.body());
  }

  @Test
  void withTheIdentityServiceDownAnInvitationAnswers503AndWorksWhenItIsBack(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    String clinic = "outage-clinic";
    String admin = TestClinics.adminOfSeededClinic(stack, clinic);
    // A running API has the pool's signing keys cached (as API Gateway's JWT authorizer does).
    HttpResponse<String> before = api.get("/clinics/" + clinic + "/settings", admin);
    assertEquals(200, before.statusCode(), before.body());
    String invitation =
        ApiCalls.JSON
            .createObjectNode()
            .put("email", "dr.outage-" + UUID.randomUUID() + "@dermrelay.example")
            .toString();

    stack.interrupt(LocalStack.Outage.IDENTITY);
    HttpResponse<String> during;
    try {
      during = api.call("POST", "/clinics/" + clinic + "/invitations", admin, invitation);
    } finally {
      stack.resume(LocalStack.Outage.IDENTITY);
    }

    assertServiceUnavailable(during);
    HttpResponse<String> after =
        api.call("POST", "/clinics/" + clinic + "/invitations", admin, invitation);
    assertEquals(201, after.statusCode(), after.body());
  }

  private static void assertServiceUnavailable(HttpResponse<String> answer) {
    assertEquals(503, answer.statusCode(), answer.body());
    assertTrue(
        answer
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        answer.headers().toString());
    long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter > 0, "Retry-After tells when to try again");
    JsonNode problem = ApiCalls.json(answer);
    assertEquals("urn:dermrelay:problem:service-unavailable", problem.path("type").asText());
    assertEquals(503, problem.path("status").asInt());
  }
}
