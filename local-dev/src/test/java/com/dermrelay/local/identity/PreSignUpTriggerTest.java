package com.dermrelay.local.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The pool calls its pre-sign-up trigger as Cognito does, and a refusal creates nothing. */
class PreSignUpTriggerTest {
  private static final String PASSWORD = "Str0ng-Passw0rd!";

  private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

  private IdentityService pool(UserPoolTrigger trigger) {
    return IdentityService.open(
        IdentityConfig.builder()
            .preSignUpTrigger(trigger)
            .groups(java.util.Set.of("patient"))
            .build(),
        "http://127.0.0.1:9229",
        message -> {});
  }

  @Test
  void signUpSendsCognitosEventAndGoesOnWhenTheTriggerReturns() {
    IdentityService pool =
        pool(
            event -> {
              events.add(event);
              return event;
            });
    pool.signUp("ana@example.com", PASSWORD, Map.of("custom:tenantId", "acme", "name", "Ana"));

    Map<String, Object> event = events.get(0);
    assertEquals("PreSignUp_SignUp", event.get("triggerSource"));
    assertEquals("ana@example.com", event.get("userName"));
    assertEquals(IdentityConfig.DEFAULT_USER_POOL_ID, event.get("userPoolId"));
    assertEquals(
        Map.of("custom:tenantId", "acme", "name", "Ana", "email", "ana@example.com"),
        ((Map<?, ?>) event.get("request")).get("userAttributes"));
    assertEquals(
        IdentityConfig.DEFAULT_CLIENT_ID, ((Map<?, ?>) event.get("callerContext")).get("clientId"));
    assertEquals(UserStatus.UNCONFIRMED, pool.admin().getUser("ana@example.com").status());
  }

  @Test
  void aRefusalAnswersUserLambdaValidationWithTheFunctionsMessageAndCreatesNoUser() {
    IdentityService pool =
        pool(
            event -> {
              throw new UserPoolTrigger.Failed("No such clinic.");
            });
    IdentityException refused =
        assertThrows(
            IdentityException.class,
            () -> pool.signUp("ben@example.com", PASSWORD, Map.of("custom:tenantId", "nope")));
    assertEquals(IdentityException.USER_LAMBDA_VALIDATION, refused.type());
    assertEquals("PreSignUp failed with error No such clinic.", refused.getMessage());
    IdentityException missing =
        assertThrows(IdentityException.class, () -> pool.admin().getUser("ben@example.com"));
    assertEquals(IdentityException.USER_NOT_FOUND, missing.type());
  }

  @Test
  void adminCreateUserRunsTheTriggerWithItsOwnSourceAndATriggerThatCannotRunRefuses() {
    IdentityService pool =
        pool(
            event -> {
              events.add(event);
              return event;
            });
    pool.admin().createUser("cy@example.com", null, Map.of("custom:tenantId", "acme"), true);
    assertEquals("PreSignUp_AdminCreateUser", events.get(0).get("triggerSource"));

    IdentityService broken =
        pool(
            event -> {
              throw new IllegalStateException("handler class not found");
            });
    IdentityException refused =
        assertThrows(
            IdentityException.class, () -> broken.signUp("di@example.com", PASSWORD, Map.of()));
    assertEquals(IdentityException.UNEXPECTED_LAMBDA, refused.type());
  }
}
