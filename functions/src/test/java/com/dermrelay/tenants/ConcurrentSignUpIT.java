package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.identity.IdentityGroup;
import com.dermrelay.local.identity.IdentityUser;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many patients signing up at the same moment (issue 20's first load finding): every SignUp and
 * ConfirmSignUp answers 200 and every account ends confirmed and linked to the clinic it signed up
 * with ({@code custom:tenantId} and the patient group), however many post-confirmation triggers run
 * at once and call the identity service back. Patient SignUp goes to Cognito directly, not through
 * the API, so the API's per-address sign-up limit (SignUpRateLimit, for clinics) does not apply.
 */
@ExtendWith(LocalStackExtension.class)
class ConcurrentSignUpIT {
  /** More than any request-thread pool an emulator would size for one developer. */
  private static final int PATIENTS = 100;

  private static final List<String> CLINICS = List.of("northside-skin", "harbour-dermatology");

  @Test
  void aHundredSimultaneousSignUpsAreAllConfirmedAndLinkedToTheirClinic(LocalStack stack)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    ExecutorService patients = Executors.newFixedThreadPool(PATIENTS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < PATIENTS; i++) {
        String email = "crowd-" + run + "-" + i + "@example.com";
        String clinic = CLINICS.get(i % CLINICS.size());
        outcomes.add(
            patients.submit(
                () -> {
                  start.await();
                  return signUpAndConfirm(stack, email, clinic);
                }));
      }
      start.countDown();
      List<String> failures = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        String failure = outcome.get();
        if (failure != null) {
          failures.add(failure);
        }
      }
      assertEquals(List.of(), failures, "every sign-up and confirmation answers 200");
    } finally {
      patients.shutdownNow();
    }

    for (int i = 0; i < PATIENTS; i++) {
      String email = "crowd-" + run + "-" + i + "@example.com";
      IdentityUser user = stack.identity().admin().getUser(email);
      assertEquals("CONFIRMED", user.status().name(), email);
      assertEquals(CLINICS.get(i % CLINICS.size()), user.attribute("custom:tenantId"), email);
      assertTrue(
          stack.identity().admin().listGroupsForUser(email).stream()
              .map(IdentityGroup::name)
              .anyMatch("patient"::equals),
          email + " is in the patient group");
    }
  }

  /** Null when both calls answered 200, else what went wrong (for one failure list). */
  private static String signUpAndConfirm(LocalStack stack, String email, String clinic) {
    Map<String, String> metadata = Map.of("tenantId", clinic, "name", "Crowd Patient");
    HttpResponse<String> signedUp =
        PatientSignUpGuardIT.cognito(
            stack,
            "SignUp",
            PatientSignUpGuardIT.signUpBody(stack, email, Map.of("email", email), metadata));
    if (signedUp.statusCode() != 200) {
      return email + " SignUp " + signedUp.statusCode() + " " + signedUp.body();
    }
    ObjectNode confirm =
        ApiCalls.JSON
            .createObjectNode()
            .put("ClientId", stack.identity().clientId())
            .put("Username", email)
            .put("ConfirmationCode", stack.identity().lastConfirmationCode(email).orElseThrow());
    ObjectNode clientMetadata = confirm.putObject("ClientMetadata");
    metadata.forEach(clientMetadata::put);
    HttpResponse<String> confirmed = PatientSignUpGuardIT.cognito(stack, "ConfirmSignUp", confirm);
    if (confirmed.statusCode() != 200) {
      return email + " ConfirmSignUp " + confirmed.statusCode() + " " + confirmed.body();
    }
    return null;
  }
}
