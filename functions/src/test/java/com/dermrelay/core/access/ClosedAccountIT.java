package com.dermrelay.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security finding 2 (docs/security.md): once a patient's account is erased (and so disabled), the
 * ID token they still hold is refused on every call at once, not when it expires an hour later.
 */
@ExtendWith(LocalStackExtension.class)
class ClosedAccountIT {

  private static void assertClosed(HttpResponse<String> response) {
    assertEquals(401, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertTrue(ApiCalls.json(response).get("detail").asText().contains("closed"), response.body());
  }

  @Test
  void anErasedPatientsStillValidTokenIsRefusedOnEveryCall(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.Patient patient = journey.newPatient("northside-skin");
    String caseId = journey.draft(patient, IntakeJourney.routineIntake());
    String cases = "/clinics/northside-skin/cases";
    assertEquals(200, api.get(cases, patient.token()).statusCode());

    HttpResponse<String> erased =
        api.call("POST", "/clinics/northside-skin/me/erasure", patient.token(), null);
    assertEquals(200, erased.statusCode(), erased.body());

    assertClosed(api.get(cases, patient.token()));
    String newCase =
        "{\"emergencyScreen\":{\"feverWithWidespreadRash\":false,\"blisteringOrPeelingSkin\":false,"
            + "\"rapidlySpreadingPainfulRedness\":false,\"faceOrLipSwellingOrBreathingTrouble\":false}}";
    assertClosed(api.call("POST", cases, patient.token(), newCase));
    assertClosed(api.get(cases + "/" + caseId, patient.token()));
    assertClosed(api.get("/clinics/northside-skin/me/profile", patient.token()));
    assertClosed(api.get("/clinics/northside-skin/me/access-log", patient.token()));
    assertClosed(
        api.call("POST", "/clinics/northside-skin/me/data-exports", patient.token(), null));
    assertClosed(api.get("/clinics/northside-skin", patient.token()));
    assertClosed(api.get("/me", patient.token()));

    HttpResponse<String> again =
        api.call("POST", "/clinics/northside-skin/me/erasure", patient.token(), null);
    assertEquals(
        200, again.statusCode(), "asking for the erasure again answers the same: " + again.body());
    assertEquals(erased.body(), again.body());
  }

  @Test
  void anotherPatientOfTheClinicIsUnaffected(LocalStack stack) {
    ApiCalls api = new ApiCalls(stack);
    String email = "closed.neighbour." + java.util.UUID.randomUUID() + "@northside.example";
    stack
        .identity()
        .createConfirmedUser(
            email,
            "Neighbour-Pass-1",
            java.util.Map.of(
                "email", email, "name", "Neighbour", "custom:tenantId", "northside-skin"),
            Set.of("patient"));
    String neighbour = api.idToken(email, "Neighbour-Pass-1");
    IntakeJourney.Patient erased = new IntakeJourney(stack, api).newPatient("northside-skin");
    assertEquals(
        200,
        api.call("POST", "/clinics/northside-skin/me/erasure", erased.token(), null).statusCode());
    assertEquals(200, api.get("/clinics/northside-skin/cases", neighbour).statusCode());
    assertEquals(200, api.get("/me", neighbour).statusCode());
  }
}
