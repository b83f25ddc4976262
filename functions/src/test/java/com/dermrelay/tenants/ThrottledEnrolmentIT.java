package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cognito throttling the post-confirmation trigger's admin calls (its admin API has low per-pool
 * quotas; issue 20). The local identity service refuses the next N admin calls with {@code
 * TooManyRequestsException}, as Cognito does: a few refusals are retried away and the account is
 * linked in Cognito; refusals for longer than the trigger may wait still confirm the account
 * without asking the patient to contact the clinic, and the patient can sign in and send a case at
 * once (the table's link admits them).
 */
@ExtendWith(LocalStackExtension.class)
class ThrottledEnrolmentIT {
  private static final String PASSWORD = "Correct-Horse-9-Battery";
  private static final String CLINIC = "northside-skin";

  private LocalStack stack;

  @AfterEach
  void endTheThrottling() {
    if (stack != null) {
      stack.identity().throttleNextAdminCalls(0);
    }
  }

  @Test
  void throttledAdminCallsAreRetriedAndTheAccountIsLinkedInCognito(LocalStack stack) {
    this.stack = stack;
    String email = newEmail();
    signUp(stack, email);
    stack.identity().throttleNextAdminCalls(3);

    HttpResponse<String> confirmed = confirm(stack, email);

    assertEquals(200, confirmed.statusCode(), confirmed.body());
    assertEquals(
        0, stack.identity().throttledAdminCallsLeft(), "the trigger met all three refusals");
    JsonNode claims = claims(stack.identity().signIn(email, PASSWORD).idToken());
    assertEquals(CLINIC, claims.path("custom:tenantId").asText(), claims.toString());
    assertEquals("patient", claims.path("cognito:groups").get(0).asText(), claims.toString());
  }

  @Test
  void whenCognitoKeepsRefusingThePatientIsConfirmedAndCanSendACaseAtFirstSignIn(LocalStack stack) {
    this.stack = stack;
    String email = newEmail();
    signUp(stack, email);
    stack.identity().throttleNextAdminCalls(Integer.MAX_VALUE);

    HttpResponse<String> confirmed = confirm(stack, email);
    stack.identity().throttleNextAdminCalls(0);

    assertEquals(200, confirmed.statusCode(), confirmed.body());
    assertFalse(confirmed.body().contains("contact the clinic"), confirmed.body());
    String idToken = stack.identity().signIn(email, PASSWORD).idToken();
    JsonNode claims = claims(idToken);
    assertTrue(
        claims.path("custom:tenantId").isMissingNode(), "Cognito never took the clinic: " + claims);

    ApiCalls api = new ApiCalls(stack);
    HttpResponse<String> profile =
        api.call(
            "PUT",
            "/clinics/" + CLINIC + "/me/profile",
            idToken,
            "{\"dateOfBirth\":\"1980-02-03\",\"sex\":\"female\"}");
    assertEquals(200, profile.statusCode(), profile.body());
    String caseId =
        new IntakeJourney(stack, api)
            .draft(
                new IntakeJourney.Patient(CLINIC, idToken, claims.path("sub").asText(), email),
                IntakeJourney.routineIntake());
    assertFalse(caseId.isBlank());

    // The link names one clinic: another one still refuses the account.
    HttpResponse<String> elsewhere = api.get("/clinics/harbour-dermatology/cases", idToken);
    assertEquals(403, elsewhere.statusCode(), elsewhere.body());
  }

  private static void signUp(LocalStack stack, String email) {
    HttpResponse<String> answer =
        PatientSignUpGuardIT.cognito(
            stack,
            "SignUp",
            PatientSignUpGuardIT.signUpBody(stack, email, Map.of("email", email), metadata()));
    assertEquals(200, answer.statusCode(), answer.body());
  }

  private static HttpResponse<String> confirm(LocalStack stack, String email) {
    ObjectNode body =
        ApiCalls.JSON
            .createObjectNode()
            .put("ClientId", stack.identity().clientId())
            .put("Username", email)
            .put("ConfirmationCode", stack.identity().lastConfirmationCode(email).orElseThrow());
    ObjectNode clientMetadata = body.putObject("ClientMetadata");
    metadata().forEach(clientMetadata::put);
    return PatientSignUpGuardIT.cognito(stack, "ConfirmSignUp", body);
  }

  private static Map<String, String> metadata() {
    return Map.of("tenantId", CLINIC, "name", "Casey Patient");
  }

  private static String newEmail() {
    return "throttled." + UUID.randomUUID() + "@example.com";
  }

  private static JsonNode claims(String jwt) {
    try {
      return ApiCalls.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
