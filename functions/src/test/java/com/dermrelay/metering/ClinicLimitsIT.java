package com.dermrelay.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A clinic's plan (tenant configuration {@code plan}) through HTTP, each clinic of its own: a
 * flooding clinic gets 429 naming its rate while another clinic's requests all succeed and the
 * operator still gets through; a clinic past its month's cases refuses new drafts but takes the
 * drafts already started; a full clinic refuses a draft's photos; an admin cannot change the plan.
 */
@ExtendWith(LocalStackExtension.class)
class ClinicLimitsIT {
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
  }

  @Test
  void aFloodingClinicGets429WhileAnotherClinicsRequestsSucceed() throws Exception {
    String flooding = clinic(2, 10, 1000, 1000);
    // The other clinic's own bucket is the standard plan's: on the flooder's tiny plan its own ten
    // calls (and its patient's sign-up) inside a second would exceed its own burst.
    String quiet = clinic(50, 500, 1000, 1000);
    IntakeJourney.Patient flooder = journey.newPatient(flooding);
    IntakeJourney.Patient other = journey.newPatient(quiet);
    String operator = api.idToken("operator@dermrelay.example", "Demo-Operator-1");

    int limited = 0;
    HttpResponse<String> refusal = null;
    for (int i = 0; i < 40; i++) {
      HttpResponse<String> flood = api.get(profile(flooding), flooder.token());
      if (flood.statusCode() == 429) {
        limited++;
        refusal = flood;
      } else {
        assertEquals(200, flood.statusCode(), flood.body());
      }
      // The other clinic calls between the flood's requests and is never held up.
      if (i % 4 == 0) {
        HttpResponse<String> calm = api.get(profile(quiet), other.token());
        assertEquals(200, calm.statusCode(), calm.body());
      }
    }
    assertTrue(limited > 0, "forty requests at once pass a burst of ten");
    JsonNode problem = ApiCalls.json(refusal);
    assertEquals("urn:dermrelay:problem:clinic-request-rate", problem.get("type").asText());
    assertTrue(
        problem.get("detail").asText().contains("2 requests a second (bursts of 10)"),
        problem.toString());
    long retryAfter = Long.parseLong(refusal.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1, "Retry-After: " + retryAfter);
    // The operator is not counted, so can act on a flooding clinic.
    assertEquals(200, api.get("/clinics/" + flooding + "/usage", operator).statusCode());

    // The bucket refills at the plan's rate: after the time the answer gave, requests pass.
    Thread.sleep(retryAfter * 1000);
    assertEquals(200, api.get(profile(flooding), flooder.token()).statusCode());
  }

  @Test
  void pastItsMonthsCasesAClinicRefusesNewDraftsButTakesTheOnesStarted() {
    String clinic = clinic(50, 500, 1, 1000);
    IntakeJourney.Patient patient = journey.newPatient(clinic);
    String first = journey.readyToSubmit(patient, IntakeJourney.routineIntake());
    String second = journey.readyToSubmit(patient, IntakeJourney.routineIntake());
    assertEquals(200, journey.submitCall(patient, first).statusCode());

    HttpResponse<String> refused =
        api.call(
            "POST",
            "/clinics/" + clinic + "/cases",
            patient.token(),
            IntakeJourney.draftBody(IntakeJourney.routineIntake(), journey.consentVersion(clinic)));
    assertEquals(429, refused.statusCode(), refused.body());
    assertEquals(
        "urn:dermrelay:problem:clinic-monthly-cases", ApiCalls.json(refused).get("type").asText());
    assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    // A case the patient already started is never dropped.
    assertEquals(200, journey.submitCall(patient, second).statusCode());
    assertEquals("QUEUED", journey.storedCase(clinic, second).get("status").asText());
  }

  @Test
  void aClinicAtItsStorageRefusesADraftsPhotosAndAnAdminCannotChangeThePlan() {
    String clinic = clinic(50, 500, 1000, 1);
    IntakeJourney.Patient patient = journey.newPatient(clinic);
    String draft = journey.draft(patient, IntakeJourney.routineIntake());
    journey.uploadPhoto(patient, draft, "close_up");
    String admin = api.idToken(TestClinics.adminEmail(clinic), TestClinics.ADMIN_PASSWORD);
    long stored =
        ApiCalls.json(api.get("/clinics/" + clinic + "/usage", admin)).get("storedBytes").asLong();
    assertTrue(stored > 0 && stored < 1_000_000, "one photo stored: " + stored);

    // Up to the plan's 1 MB a slot is signed; one byte more is refused, naming the limit.
    assertEquals(201, slot(patient, draft, 1_000_000 - stored).statusCode());
    HttpResponse<String> full = slot(patient, draft, 1_000_000 - stored + 1);
    assertEquals(409, full.statusCode(), full.body());
    assertEquals(
        "urn:dermrelay:problem:clinic-storage-full", ApiCalls.json(full).get("type").asText());

    String settings = "/clinics/" + clinic + "/settings";
    JsonNode current = ApiCalls.json(api.get(settings, admin));
    ObjectNode change =
        ApiCalls.JSON.createObjectNode().put("version", current.get("version").asLong());
    ObjectNode config = ((ObjectNode) current.get("config")).deepCopy();
    ((ObjectNode) config.get("plan")).put("storageMb", 100_000);
    change.set("config", config);
    HttpResponse<String> refused = api.call("PUT", settings, admin, change.toString());
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals("/config/plan", ApiCalls.json(refused).at("/errors/0/pointer").asText());
    assertEquals(1, ApiCalls.json(api.get(settings, admin)).at("/config/plan/storageMb").asInt());
  }

  private static HttpResponse<String> slot(
      IntakeJourney.Patient patient, String caseId, long size) {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putArray("photos")
        .addObject()
        .put("view", "context")
        .put("contentType", "image/jpeg")
        .put("sizeBytes", size);
    return api.call(
        "POST",
        "/clinics/" + patient.clinic() + "/cases/" + caseId + "/photo-uploads",
        patient.token(),
        body.toString());
  }

  /** A clinic of its own on a plan with these limits. */
  private static String clinic(int perSecond, int burst, int casesPerMonth, int storageMb) {
    String slug = "plan-" + UUID.randomUUID().toString().substring(0, 8);
    TestClinics.adminOfSeededClinic(
        stack,
        slug,
        config ->
            config
                .putObject("plan")
                .put("tier", "test")
                .put("requestsPerSecond", perSecond)
                .put("burst", burst)
                .put("casesPerMonth", casesPerMonth)
                .put("storageMb", storageMb));
    return slug;
  }

  private static String profile(String clinic) {
    return "/clinics/" + clinic + "/me/profile";
  }
}
