package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A clinic admin closes the clinic to new patients (settings {@code acceptingNewPatients: false}):
 * the public branding says so, a new patient's sign-up is refused with a clear message, an existing
 * patient's new case answers 409 naming whom to contact, and what was already sent carries on.
 * Reopening lets new cases in again. A clinic of its own, so the demo clinics stay open.
 */
@ExtendWith(LocalStackExtension.class)
class ClosedClinicIT {
  @Test
  void aClosedClinicTakesNoNewPatientsOrCasesButEarlierCasesCarryOn(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    String slug = "closing-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfNewClinic(stack, slug);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient(slug);
    String earlierCase = journey.draft(patient, IntakeJourney.routineIntake());
    assertTrue(branding(api, slug).path("acceptingNewPatients").asBoolean(), "open by default");

    JsonNode settings = TestClinics.setAccepting(api, slug, admin, false);
    assertFalse(settings.at("/config/acceptingNewPatients").asBoolean(true));
    String supportEmail = settings.at("/config/branding/supportEmail").asText();

    JsonNode branding = branding(api, slug);
    assertFalse(branding.path("acceptingNewPatients").asBoolean(true), branding.toString());

    // A new patient: refused before any account exists, with words the portal can show.
    String email = "late." + UUID.randomUUID() + "@example.com";
    Map<String, String> attributes = new java.util.LinkedHashMap<>(Map.of("email", email));
    JsonNode refusal =
        PatientSignUpGuardIT.refusedSignUp(stack, email, attributes, Map.of("tenantId", slug));
    assertTrue(
        refusal.path("message").asText().endsWith(PatientSignUpGuard.CLOSED_MESSAGE),
        refusal.toString());
    PatientSignUpGuardIT.assertNoAccount(stack, email);

    // An existing patient's new case: 409, telling them whom to contact.
    HttpResponse<String> refused = createCase(api, journey, patient);
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(
        refused
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    JsonNode problem = ApiCalls.json(refused);
    assertEquals(
        "urn:dermrelay:problem:clinic-not-taking-new-cases", problem.path("type").asText());
    assertTrue(
        problem.path("detail").asText().contains("not taking new cases"), problem.toString());
    assertTrue(problem.path("detail").asText().contains(supportEmail), problem.toString());

    // What was already there goes on.
    HttpResponse<String> earlier =
        api.get("/clinics/" + slug + "/cases/" + earlierCase, patient.token());
    assertEquals(200, earlier.statusCode(), earlier.body());
    HttpResponse<String> list = api.get("/clinics/" + slug + "/cases", patient.token());
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains(earlierCase));

    TestClinics.setAccepting(api, slug, admin, true);
    assertEquals(201, createCase(api, journey, patient).statusCode());
  }

  private static HttpResponse<String> createCase(
      ApiCalls api, IntakeJourney journey, IntakeJourney.Patient patient) {
    JsonNode branding = branding(api, patient.clinic());
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("emergencyScreen")
        .put("feverWithWidespreadRash", false)
        .put("blisteringOrPeelingSkin", false)
        .put("rapidlySpreadingPainfulRedness", false)
        .put("faceOrLipSwellingOrBreathingTrouble", false);
    body.set("intake", IntakeJourney.routineIntake());
    body.put("consentVersion", branding.at("/consent/version").asText());
    return api.call(
        "POST", "/clinics/" + patient.clinic() + "/cases", patient.token(), body.toString());
  }

  private static JsonNode branding(ApiCalls api, String slug) {
    HttpResponse<String> response = api.get("/public/clinics/" + slug + "/branding", null);
    assertEquals(200, response.statusCode(), response.body());
    return ApiCalls.json(response);
  }
}
