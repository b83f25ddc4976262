package com.dermrelay.local.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The pool behaves as Cognito does around the sign-up triggers: SignUp refuses attributes the app
 * client may not write before any trigger runs, ClientMetadata reaches the triggers, post
 * confirmation runs on ConfirmSignUp and AdminConfirmSignUp (and its failure leaves the account
 * confirmed), and tokens issued afterwards carry what the trigger set.
 */
class PostConfirmationTriggerTest {
  private static final String PASSWORD = "Str0ng-Passw0rd!";

  private final List<Map<String, Object>> preSignUps = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> confirmations = new CopyOnWriteArrayList<>();
  private IdentityService pool;

  /** A trigger that enrols as the real one does: clinic attribute and patient group. */
  private IdentityService pool(boolean failConfirmation) {
    pool =
        IdentityService.open(
            IdentityConfig.builder()
                .groups(Set.of("patient"))
                .clientWriteAttributes(Set.of("email"))
                .preSignUpTrigger(
                    event -> {
                      preSignUps.add(event);
                      return event;
                    })
                .postConfirmationTrigger(
                    event -> {
                      confirmations.add(event);
                      if (failConfirmation) {
                        throw new UserPoolTrigger.Failed(
                            "No clinic with this id accepts patient sign-ups.");
                      }
                      Map<?, ?> metadata =
                          (Map<?, ?>) ((Map<?, ?>) event.get("request")).get("clientMetadata");
                      String user = (String) event.get("userName");
                      pool.admin()
                          .updateUserAttributes(
                              user, Map.of("custom:tenantId", (String) metadata.get("tenantId")));
                      pool.admin().addUserToGroup(user, "patient");
                      return event;
                    })
                .build(),
            "http://127.0.0.1:9229",
            message -> {});
    return pool;
  }

  @Test
  void anAttributeTheClientMayNotWriteIsRefusedBeforeAnyTrigger() {
    IdentityService pool = pool(false);
    for (String attribute : List.of("custom:tenantId", "name", "email_verified")) {
      IdentityException refused =
          assertThrows(
              IdentityException.class,
              () ->
                  pool.signUp(
                      "ana@example.com",
                      PASSWORD,
                      Map.of("email", "ana@example.com", attribute, "x"),
                      Map.of()));
      assertEquals(IdentityException.NOT_AUTHORIZED, refused.type());
      assertEquals("A client attempted to write unauthorized attribute", refused.getMessage());
    }
    assertTrue(preSignUps.isEmpty(), "no trigger ran");
    assertEquals(
        IdentityException.USER_NOT_FOUND,
        assertThrows(IdentityException.class, () -> pool.admin().getUser("ana@example.com"))
            .type());
  }

  @Test
  void clientMetadataReachesBothTriggersAndTheTokensCarryWhatPostConfirmationSet() {
    IdentityService pool = pool(false);
    pool.signUp(
        "ben@example.com",
        PASSWORD,
        Map.of("email", "ben@example.com"),
        Map.of("tenantId", "acme"));
    assertEquals(
        Map.of("tenantId", "acme"),
        ((Map<?, ?>) preSignUps.get(0).get("request")).get("clientMetadata"));

    pool.confirmSignUp(
        "ben@example.com",
        pool.lastConfirmationCode("ben@example.com").orElseThrow(),
        Map.of("tenantId", "acme"));
    Map<String, Object> event = confirmations.get(0);
    assertEquals("PostConfirmation_ConfirmSignUp", event.get("triggerSource"));
    assertEquals(
        IdentityConfig.DEFAULT_CLIENT_ID, ((Map<?, ?>) event.get("callerContext")).get("clientId"));
    Map<?, ?> attributes = (Map<?, ?>) ((Map<?, ?>) event.get("request")).get("userAttributes");
    assertEquals(
        "true", attributes.get("email_verified"), "the trigger sees the confirmed account");

    IdentityUser user = pool.admin().getUser("ben@example.com");
    assertEquals("acme", user.attribute("custom:tenantId"));
    assertEquals(Set.of("patient"), user.groups());
    AuthTokens tokens = pool.signIn("ben@example.com", PASSWORD);
    String claims =
        new String(
            java.util.Base64.getUrlDecoder().decode(tokens.idToken().split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(claims.contains("\"custom:tenantId\":\"acme\""), claims);
    assertTrue(claims.contains("\"cognito:groups\":[\"patient\"]"), claims);
  }

  @Test
  void adminConfirmSignUpRunsPostConfirmationWithoutAClient() {
    IdentityService pool = pool(false);
    pool.signUp("cy@example.com", PASSWORD, Map.of(), Map.of("tenantId", "acme"));
    pool.admin().confirmSignUp("cy@example.com", Map.of("tenantId", "acme"));
    assertEquals(
        "CLIENT_ID_NOT_APPLICABLE",
        ((Map<?, ?>) confirmations.get(0).get("callerContext")).get("clientId"));
    assertEquals(UserStatus.CONFIRMED, pool.admin().getUser("cy@example.com").status());
    assertEquals("acme", pool.admin().getUser("cy@example.com").attribute("custom:tenantId"));
    assertEquals(
        IdentityException.NOT_AUTHORIZED,
        assertThrows(
                IdentityException.class,
                () -> pool.admin().confirmSignUp("cy@example.com", Map.of()))
            .type(),
        "confirmed once");
  }

  @Test
  void aFailedPostConfirmationAnswersCognitosErrorButTheAccountStaysConfirmed() {
    IdentityService pool = pool(true);
    pool.signUp("di@example.com", PASSWORD, Map.of(), Map.of("tenantId", "acme"));
    IdentityException failed =
        assertThrows(
            IdentityException.class,
            () ->
                pool.confirmSignUp(
                    "di@example.com",
                    pool.lastConfirmationCode("di@example.com").orElseThrow(),
                    Map.of()));
    assertEquals(IdentityException.USER_LAMBDA_VALIDATION, failed.type());
    assertEquals(
        "PostConfirmation failed with error No clinic with this id accepts patient sign-ups.",
        failed.getMessage());
    IdentityUser user = pool.admin().getUser("di@example.com");
    assertEquals(UserStatus.CONFIRMED, user.status());
    assertEquals(null, user.attribute("custom:tenantId"));
    assertEquals(Set.of(), user.groups());
  }
}
