package com.dermrelay.local.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pool's rules without HTTP, with a clock the tests drive. */
class IdentityServiceTest {
  private static final String PASSWORD = "Sunny-Day-42";

  private final MutableClock clock = MutableClock.startingNow();
  private final List<CodeDelivery.Message> outbox = new CopyOnWriteArrayList<>();
  private final IdentityService pool =
      IdentityService.open(
          IdentityConfig.builder().clock(clock).groups(Set.of("patient", "dermatologist")).build(),
          "http://127.0.0.1:9229",
          outbox::add);

  @ParameterizedTest
  @CsvSource({
    "Sh0rt!a, Password not long enough",
    "sunny-day-42, Password must have uppercase characters",
    "SUNNY-DAY-42, Password must have lowercase characters",
    "Sunny-Day-Xy, Password must have numeric characters",
    "SunnyDay42x, Password must have symbol characters"
  })
  void passwordPolicyNamesTheMissingRule(String password, String reason) {
    IdentityException refused =
        refused(
            IdentityException.INVALID_PASSWORD,
            () -> pool.signUp("p@example.org", password, Map.of()));
    assertEquals("Password did not conform with policy: " + reason, refused.getMessage());
  }

  @Test
  void aCodeExpiresAfterItsLifetime() {
    pool.signUp("ann@example.org", PASSWORD, Map.of());
    String code = pool.lastConfirmationCode("ann@example.org").orElseThrow();
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    refused(IdentityException.EXPIRED_CODE, () -> pool.confirmSignUp("ann@example.org", code));

    pool.resendConfirmationCode("ann@example.org");
    pool.confirmSignUp(
        "ann@example.org", pool.lastConfirmationCode("ann@example.org").orElseThrow());
    assertEquals(UserStatus.CONFIRMED, pool.admin().getUser("ann@example.org").status());
    assertEquals("true", pool.admin().getUser("ann@example.org").attribute("email_verified"));
    refused(
        IdentityException.NOT_AUTHORIZED, () -> pool.confirmSignUp("ann@example.org", "123456"));
  }

  @Test
  void guessingCodesKillsTheCode() {
    pool.signUp("bob@example.org", PASSWORD, Map.of());
    String code = pool.lastConfirmationCode("bob@example.org").orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 4; i++) {
      refused(IdentityException.CODE_MISMATCH, () -> pool.confirmSignUp("bob@example.org", wrong));
    }
    refused(
        IdentityException.TOO_MANY_FAILED_ATTEMPTS,
        () -> pool.confirmSignUp("bob@example.org", wrong));
    refused(IdentityException.EXPIRED_CODE, () -> pool.confirmSignUp("bob@example.org", code));
  }

  @Test
  void anAccessTokenStopsWorkingWhenItExpires() {
    pool.createConfirmedUser("cy@example.org", PASSWORD, Map.of(), Set.of());
    AuthTokens tokens = pool.signIn("cy@example.org", PASSWORD);
    assertEquals("cy@example.org", pool.getUser(tokens.accessToken()).username());
    refused(IdentityException.NOT_AUTHORIZED, () -> pool.getUser(tokens.idToken()));

    clock.advance(Duration.ofHours(1));
    IdentityException expired =
        refused(IdentityException.NOT_AUTHORIZED, () -> pool.getUser(tokens.accessToken()));
    assertEquals("Access Token has expired", expired.getMessage());
    // The refresh token lives on (30 days) and gives a working access token.
    assertEquals(
        "cy@example.org",
        pool.getUser(pool.refresh(tokens.refreshToken()).accessToken()).username());
    clock.advance(Duration.ofDays(30));
    refused(IdentityException.NOT_AUTHORIZED, () -> pool.refresh(tokens.refreshToken()));
  }

  @Test
  void createConfirmedUserIsIdempotentAndUpdates() {
    IdentityUser first =
        pool.createConfirmedUser(
            "dee@example.org", PASSWORD, Map.of("custom:tenantId", "t-1"), Set.of("patient"));
    assertEquals("true", first.attribute("email_verified"));
    assertEquals("dee@example.org", first.attribute("email"));
    IdentityUser second =
        pool.createConfirmedUser(
            "dee@example.org",
            "Rainy-Day-43",
            Map.of("custom:tenantId", "t-2"),
            Set.of("dermatologist", "reviewers"));

    assertEquals(first.sub(), second.sub());
    assertEquals("t-2", second.attribute("custom:tenantId"));
    assertEquals(Set.of("dermatologist", "reviewers"), second.groups());
    refused(IdentityException.NOT_AUTHORIZED, () -> pool.signIn("dee@example.org", PASSWORD));
    assertNotNull(pool.signIn("dee@example.org", "Rainy-Day-43").idToken());
    assertTrue(pool.admin().listGroups().stream().anyMatch(g -> g.name().equals("reviewers")));
  }

  @Test
  void anInvitedUserSetsANewPasswordAtFirstSignIn() {
    pool.admin().createUser("eli@example.org", null, Map.of("custom:tenantId", "t-1"), false);
    assertEquals(1, outbox.size());
    CodeDelivery.Message invitation = outbox.get(0);
    assertEquals(CodeDelivery.Purpose.ADMIN_INVITATION, invitation.purpose());
    assertFalse(
        invitation.toString().contains(invitation.secret()), "messages print without their secret");

    SignInOutcome outcome = pool.initiatePasswordAuth("eli@example.org", invitation.secret());
    assertTrue(outcome.isChallenge());
    assertEquals(SignInOutcome.NEW_PASSWORD_REQUIRED, outcome.challengeName());
    refused(
        IdentityException.NOT_AUTHORIZED,
        () -> pool.signIn("eli@example.org", invitation.secret()));
    refused(
        IdentityException.NOT_AUTHORIZED,
        () -> pool.respondToNewPasswordChallenge("forged", "eli@example.org", PASSWORD));

    AuthTokens tokens =
        pool.respondToNewPasswordChallenge(outcome.session(), "eli@example.org", PASSWORD);
    assertNotNull(tokens.refreshToken());
    assertEquals(UserStatus.CONFIRMED, pool.admin().getUser("eli@example.org").status());
    assertNotNull(pool.signIn("eli@example.org", PASSWORD).idToken());
  }

  @Test
  void aRecreatedUserDoesNotInheritOldRefreshTokens() {
    pool.createConfirmedUser("fin@example.org", PASSWORD, Map.of(), Set.of());
    String refreshToken = pool.signIn("fin@example.org", PASSWORD).refreshToken();
    pool.admin().deleteUser("fin@example.org");
    pool.createConfirmedUser("fin@example.org", PASSWORD, Map.of(), Set.of());
    refused(IdentityException.NOT_AUTHORIZED, () -> pool.refresh(refreshToken));
  }

  @Test
  void unknownAttributesAndGroupsAreRefused() {
    refused(
        IdentityException.INVALID_PARAMETER,
        () -> pool.signUp("gil@example.org", PASSWORD, Map.of("tenantId", "t-1")));
    refused(
        IdentityException.INVALID_PARAMETER,
        () -> pool.signUp("gil@example.org", PASSWORD, Map.of("email", "not-an-address")));
    pool.createConfirmedUser("gil@example.org", PASSWORD, Map.of(), Set.of());
    refused(
        IdentityException.RESOURCE_NOT_FOUND,
        () -> pool.admin().addUserToGroup("gil@example.org", "admins"));
    refused(
        IdentityException.USER_NOT_FOUND,
        () -> pool.admin().addUserToGroup("nobody@example.org", "patient"));
  }

  @Test
  void listUsersFiltersAndPages() {
    for (String name : List.of("ha", "hb", "hc", "xa")) {
      pool.createConfirmedUser(name + "@example.org", PASSWORD, Map.of(), Set.of());
    }
    IdentityAdmin.UserPage page = pool.admin().listUsers("username ^= \"h\"", 2, null);
    assertEquals(List.of("ha@example.org", "hb@example.org"), names(page));
    IdentityAdmin.UserPage rest =
        pool.admin().listUsers("username ^= \"h\"", 2, page.paginationToken());
    assertEquals(List.of("hc@example.org"), names(rest));
    assertNull(rest.paginationToken());
    assertEquals(
        List.of("xa@example.org"),
        names(pool.admin().listUsers("email = \"XA@example.org\"", null, null)));
    refused(
        IdentityException.INVALID_PARAMETER,
        () -> pool.admin().listUsers("custom:tenantId = \"t\"", null, null));
    refused(
        IdentityException.INVALID_PARAMETER,
        () -> pool.admin().listUsers("email contains x", null, null));
  }

  @Test
  void concurrentSignUpsAndSignInsAllLand() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<AuthTokens>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String username = "user" + i + "@example.org";
        results.add(
            threads.submit(
                () -> {
                  pool.createConfirmedUser(username, PASSWORD, Map.of(), Set.of("patient"));
                  return pool.signIn(username, PASSWORD);
                }));
      }
      Set<String> refreshTokens = new java.util.HashSet<>();
      for (Future<AuthTokens> result : results) {
        refreshTokens.add(result.get().refreshToken());
      }
      assertEquals(8, refreshTokens.size());
      assertEquals(8, pool.admin().listUsers("username ^= \"user\"", null, null).users().size());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void tokensNeverPrint() {
    pool.createConfirmedUser("ida@example.org", PASSWORD, Map.of(), Set.of());
    AuthTokens tokens = pool.signIn("ida@example.org", PASSWORD);
    String printed = tokens.toString();
    assertFalse(printed.contains(tokens.accessToken()) || printed.contains(tokens.refreshToken()));
  }

  private static List<String> names(IdentityAdmin.UserPage page) {
    return page.users().stream().map(IdentityUser::username).collect(Collectors.toList());
  }

  private static IdentityException refused(String type, Executable call) {
    IdentityException refused = assertThrows(IdentityException.class, call);
    assertEquals(type, refused.type(), refused.getMessage());
    return refused;
  }
}
