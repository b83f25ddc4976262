package com.dermrelay.local.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cognito's documented lockout of password sign-in (Amazon Cognito Developer Guide, "Lockout
 * behavior for failed sign-in attempts"): after five failures the user is locked out for one
 * second, doubling with each further failure up to about 15 minutes; attempts during a lockout are
 * answered {@code NotAuthorizedException} "Password attempts exceeded", even with the right
 * password, and do not lengthen it; a success after a lockout, or 15 minutes without attempts,
 * starts over.
 */
class SignInLockoutTest {
  private static final String USER = "lou@example.org";
  private static final String PASSWORD = "Sunny-Day-42";
  private static final String WRONG = "Sunny-Day-43";
  private static final String EXCEEDED = "Password attempts exceeded";
  private static final String INCORRECT = "Incorrect username or password.";

  private final MutableClock clock = MutableClock.startingNow();
  private final IdentityService pool =
      IdentityService.open(
          IdentityConfig.builder().clock(clock).build(),
          "http://127.0.0.1:9229",
          CodeDelivery.NONE);

  SignInLockoutTest() {
    pool.createConfirmedUser(USER, PASSWORD, Map.of(), Set.of());
  }

  private String refusal(String username, String password) {
    IdentityException refused =
        assertThrows(IdentityException.class, () -> pool.signIn(username, password));
    assertEquals(IdentityException.NOT_AUTHORIZED, refused.type());
    return refused.getMessage();
  }

  @Test
  void fiveWrongPasswordsLockTheAccountForASecondEvenForTheRightOne() {
    for (int i = 0; i < 5; i++) {
      assertEquals(INCORRECT, refusal(USER, WRONG), "failure " + (i + 1));
    }
    assertEquals(EXCEEDED, refusal(USER, PASSWORD));
    clock.advance(Duration.ofSeconds(1));
    assertNotNull(pool.signIn(USER, PASSWORD).idToken());
  }

  @Test
  void eachFurtherFailureDoublesTheLockoutUpToFifteenMinutes() {
    for (int i = 0; i < 5; i++) {
      refusal(USER, WRONG);
    }
    long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
    for (long seconds : expectedSeconds) {
      clock.advance(Duration.ofSeconds(seconds).minusMillis(1));
      assertEquals(EXCEEDED, refusal(USER, PASSWORD), "still locked just before " + seconds + " s");
      clock.advance(Duration.ofMillis(1));
      assertEquals(
          INCORRECT, refusal(USER, WRONG), "free after " + seconds + " s, and fails again");
    }
  }

  @Test
  void attemptsDuringALockoutNeitherCountNorLengthenIt() {
    for (int i = 0; i < 5; i++) {
      refusal(USER, WRONG);
    }
    clock.advance(Duration.ofSeconds(1));
    assertEquals(INCORRECT, refusal(USER, WRONG), "the sixth failure locks for 2 s");
    for (int i = 0; i < 200; i++) {
      assertEquals(EXCEEDED, refusal(USER, WRONG));
    }
    clock.advance(Duration.ofSeconds(2));
    assertNotNull(pool.signIn(USER, PASSWORD).idToken());
  }

  @Test
  void aSuccessOrFifteenQuietMinutesStartOver() {
    for (int i = 0; i < 5; i++) {
      refusal(USER, WRONG);
    }
    clock.advance(Duration.ofSeconds(1));
    refusal(USER, WRONG);
    clock.advance(Duration.ofMinutes(15));
    for (int i = 0; i < 4; i++) {
      assertEquals(
          INCORRECT, refusal(USER, WRONG), "the count started over after 15 quiet minutes");
    }
    assertNotNull(pool.signIn(USER, PASSWORD).idToken(), "four failures do not lock");
    for (int i = 0; i < 4; i++) {
      assertEquals(INCORRECT, refusal(USER, WRONG), "and after a success");
    }
    assertEquals(INCORRECT, refusal(USER, WRONG));
    assertEquals(EXCEEDED, refusal(USER, PASSWORD), "the fifth failure locks again, for a second");
  }

  @Test
  void anAddressWithoutAnAccountLocksAlikeSoTheAnswerRevealsNothing() {
    for (int i = 0; i < 5; i++) {
      assertEquals(INCORRECT, refusal("nobody@example.org", WRONG));
    }
    assertEquals(EXCEEDED, refusal("NOBODY@example.org", WRONG));
    assertEquals(INCORRECT, refusal(USER, WRONG), "another account is not affected");
  }

  @Test
  void theWireAnswerIsCognitos() throws Exception {
    try (LocalIdentityServer server =
        LocalIdentityServer.start(
            IdentityConfig.builder().clock(clock).build(), "127.0.0.1", 0, CodeDelivery.NONE)) {
      server.identity().createConfirmedUser(USER, PASSWORD, Map.of(), Set.of());
      HttpResponse<String> response = null;
      for (int i = 0; i < 6; i++) {
        response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"ClientId\":\"dermrelay-portal-local\","
                                    + "\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\""
                                    + USER
                                    + "\",\"PASSWORD\":\""
                                    + WRONG
                                    + "\"}}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
      }
      assertEquals(400, response.statusCode());
      JsonNode error = Exchanges.JSON.readTree(response.body());
      assertEquals("NotAuthorizedException", error.get("__type").asText());
      assertEquals(EXCEEDED, error.get("message").asText());
    }
  }
}
