package com.dermrelay.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.config.Settings;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.EhrClinic;
import com.dermrelay.testing.EhrDeliveries;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * getClinicUsage after a whole journey in a clinic of its own (nothing else happens there): a case
 * submitted (and its submission retried with the same key), its two photos and a draft's photo
 * stored, the answer delivered and accepted by the clinic's EHR (then sent again by the admin), and
 * a research export (its start repeated with the same key). The counts equal the events, the bytes
 * equal what the bucket holds, and no retry counts twice.
 */
@ExtendWith(LocalStackExtension.class)
class UsageMeteringIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static EhrClinic clinic;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    clinic = EhrClinic.create(localStack, api, 5);
  }

  @Test
  void theCountsOfAWholeJourneyEqualItsEventsAndRetriesCountNothing() throws Exception {
    JsonNode before = usage(clinic.adminToken(), "");
    assertEquals(0, total(before, "casesSubmitted"), "a new clinic has used nothing");

    IntakeJourney.Patient patient = journey.newPatient(clinic.tenantId());
    String caseId = journey.readyToSubmit(patient, IntakeJourney.routineIntake());
    String key = "submit-" + UUID.randomUUID();
    assertEquals(200, submit(patient, caseId, key).statusCode());
    // The patient's phone did not see the answer and sends the same request again.
    assertEquals(200, submit(patient, caseId, key).statusCode());
    String draft = journey.draft(patient, IntakeJourney.routineIntake());
    journey.uploadPhoto(patient, draft, "close_up");

    clinic.answer(api, caseId, false);
    EhrDeliveries deliveries = new EhrDeliveries(stack, api);
    assertEquals(
        ExecutionStatus.SUCCEEDED, deliveries.execution(clinic.tenantId(), caseId, 1).status());
    HttpResponse<String> resent =
        api.call(
            "POST",
            "/clinics/"
                + clinic.tenantId()
                + "/cases/"
                + caseId
                + "/ehr/deliveries/1/send?force=true",
            clinic.adminToken(),
            null);
    assertEquals(200, resent.statusCode(), resent.body());
    assertEquals(2, clinic.ehr().received().size(), "the EHR got the round twice");

    String exportKey = "export-" + UUID.randomUUID();
    JsonNode export = readyExport(exportKey);
    assertEquals(202, startExport(exportKey).statusCode(), "the same start again");

    JsonNode after = usage(clinic.adminToken(), "");
    assertEquals(1, total(after, "casesSubmitted"));
    assertEquals(3, total(after, "photosStored"), "the case's two photos and the draft's one");
    long held = heldInBucket();
    assertEquals(held, total(after, "photosStoredBytes"), "the clean copies and thumbnails");
    assertEquals(held, after.get("storedBytes").asLong());
    assertEquals(1, total(after, "answersDelivered"));
    assertEquals(1, total(after, "ehrDeliveries"), "sent twice, delivered once");
    assertEquals(0, total(after, "secondReads"));
    assertEquals(1, total(after, "researchExports"));
    assertEquals(export.at("/archive/bytes").asLong(), total(after, "researchExportsBytes"));
    BigDecimal cost = BigDecimal.ZERO;
    for (JsonNode month : after.get("months")) {
      cost = cost.add(month.get("estimatedCostUsd").decimalValue());
    }
    // docs/cost-model.md: $0.00033 a case, S3 requests of 3 photos, an e-mail, an EHR delivery
    // and an export, plus ~2 MB of storage: $0.0016 to the hundredth of a cent.
    assertEquals(0, new BigDecimal("0.0016").compareTo(cost), after.toString());
    String body = after.toString();
    assertFalse(
        body.contains(caseId) || body.contains(patient.subject()),
        "counts only, no case or patient");
  }

  @Test
  void theClinicsAdminAndTheOperatorReadItOthersAreRefusedAndMonthsAreChecked() {
    String operator = api.idToken("operator@dermrelay.example", "Demo-Operator-1");
    JsonNode three = usage(operator, "?months=3");
    assertEquals(3, three.get("months").size());
    assertTrue(
        three
                .get("months")
                .get(0)
                .get("month")
                .asText()
                .compareTo(three.get("months").get(2).get("month").asText())
            > 0,
        "newest first");
    assertEquals(12, usage(clinic.adminToken(), "").get("months").size());
    for (String bad : new String[] {"0", "37", "twelve", "07", "1.5"}) {
      HttpResponse<String> refused = api.get(path("?months=" + bad), clinic.adminToken());
      assertEquals(400, refused.statusCode(), bad);
      assertEquals("/months", ApiCalls.json(refused).at("/errors/0/pointer").asText(), bad);
    }
    assertEquals(
        403, api.get(path(""), journey.newPatient(clinic.tenantId()).token()).statusCode());
    assertEquals(403, api.get(path(""), clinic.dermatologistToken()).statusCode());
    String harbourAdmin = api.idToken("admin@harbour.example", "Demo-Admin-1");
    assertEquals(404, api.get(path(""), harbourAdmin).statusCode());
  }

  private static HttpResponse<String> submit(
      IntakeJourney.Patient patient, String caseId, String key)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    stack.gatewayUrl()
                        + "/clinics/"
                        + clinic.tenantId()
                        + "/cases/"
                        + caseId
                        + "/submit"))
            .header("Authorization", "Bearer " + patient.token())
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> startExport(String key)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    stack.gatewayUrl() + "/clinics/" + clinic.tenantId() + "/research-exports"))
            .header("Authorization", "Bearer " + clinic.adminToken())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"from\":\"2020-01-01\",\"to\":\"2099-12-31\",\"k\":2}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Starts an export (no patient consented: an archive of its files alone) and waits for it. */
  private static JsonNode readyExport(String key) throws Exception {
    HttpResponse<String> started = startExport(key);
    assertEquals(202, started.statusCode(), started.body());
    String exportPath =
        "/clinics/"
            + clinic.tenantId()
            + "/research-exports/"
            + ApiCalls.json(started).get("exportId").asText();
    JsonNode view = ApiCalls.json(started);
    for (int poll = 0; poll < 600 && "RUNNING".equals(view.get("status").asText()); poll++) {
      Thread.sleep(100);
      view = ApiCalls.json(api.get(exportPath, clinic.adminToken()));
    }
    assertEquals("READY", view.get("status").asText(), view.toString());
    return view;
  }

  /** The bytes of every clean copy and thumbnail the bucket holds for the clinic. */
  private static long heldInBucket() {
    String bucket = Settings.from(stack.functionEnvironment()).mediaBucket();
    long bytes = 0;
    try (S3Client s3 = api.s3()) {
      for (S3Object object :
          s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(clinic.tenantId() + "/cases/"))
              .contents()) {
        if (object.key().contains("/clean/") || object.key().contains("/thumb/")) {
          bytes += object.size();
        }
      }
    }
    return bytes;
  }

  private static JsonNode usage(String token, String query) {
    HttpResponse<String> response = api.get(path(query), token);
    assertEquals(200, response.statusCode(), response.body());
    return ApiCalls.json(response);
  }

  private static String path(String query) {
    return "/clinics/" + clinic.tenantId() + "/usage" + query;
  }

  /** A counter summed over the months returned (the shared clock may cross a month's end). */
  private static long total(JsonNode usage, String counter) {
    long sum = 0;
    for (JsonNode month : usage.get("months")) {
      sum += month.get(counter).asLong();
    }
    return sum;
  }
}
