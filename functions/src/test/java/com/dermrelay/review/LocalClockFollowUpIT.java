package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Issue 18: on a stack started as a developer starts it (real time that can be moved, not the
 * tests' manual clock), a platform operator moves the clock with {@code /_local/clock} and a
 * follow-up answered for 28 days later comes due: the case says so and the patient is invited. Its
 * own stack, since moving this clock by weeks ends every session on it.
 */
class LocalClockFollowUpIT {
  private static final String NORTHSIDE = "northside-skin";
  private static LocalStack stack;
  private static ApiCalls api;

  @BeforeAll
  static void start() {
    stack = LocalStack.start(LocalStackConfig.forTests().withManualClock(false));
    api = new ApiCalls(stack);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void anOperatorMovesTheLocalClockFourWeeksAndTheFollowUpComesDue() {
    IntakeJourney journey = new IntakeJourney(stack, api);
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    // On this clock the workflow runs on its own threads, as on a developer's stack: triage
    // follows.
    awaitStatus(c, c.patient().token(), "QUEUED");
    String chen = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    HttpResponse<String> claimed =
        api.call("POST", "/clinics/" + NORTHSIDE + "/reviews/" + c.caseId() + "/claim", chen, null);
    assertEquals(200, claimed.statusCode(), claimed.body());
    HttpResponse<String> answered =
        api.call("POST", c.path() + "/answer", chen, AnswerRulesIT.validAnswer().toString());
    assertEquals(200, answered.statusCode(), answered.body());
    awaitStatus(c, c.patient().token(), "ANSWERED");

    // A week on, nothing is due yet.
    String operator = api.idToken("operator@dermrelay.example", "Demo-Operator-1");
    HttpResponse<String> week =
        api.call("POST", "/_local/clock", operator, "{\"advanceBy\":\"P7D\"}");
    assertEquals(200, week.statusCode(), week.body());
    String patient = api.idToken(c.patient().email(), IntakeJourney.PASSWORD);
    assertEquals("ANSWERED", status(c, patient));

    // Three more weeks and a day: the 28-day follow-up is due, and the patient is mailed.
    operator = api.idToken("operator@dermrelay.example", "Demo-Operator-1");
    HttpResponse<String> moved =
        api.call("POST", "/_local/clock", operator, "{\"advanceBy\":\"P22D\"}");
    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals("PT696H", ApiCalls.json(moved).get("aheadBy").asText(), moved.body());
    String later = api.idToken(c.patient().email(), IntakeJourney.PASSWORD);
    awaitStatus(c, later, "FOLLOW_UP_DUE");
    OutboxMessage invitation = stack.outbox().latestTo(c.patient().email()).orElseThrow();
    assertTrue(invitation.subject().startsWith("Time for your follow-up"), invitation.subject());
  }

  private static String status(IntakeJourney.SubmittedCase c, String token) {
    return ApiCalls.json(api.get(c.path(), token)).get("status").asText();
  }

  /** Polls the case as the patient sees it until it shows {@code wanted}; fails after 20 s. */
  private static void awaitStatus(IntakeJourney.SubmittedCase c, String token, String wanted) {
    String last =
        new FluentWait<>(c)
            .withTimeout(Duration.ofSeconds(20))
            .pollingEvery(Duration.ofMillis(100))
            .withMessage(() -> "the case never showed " + wanted + "; it shows " + status(c, token))
            .until(aCase -> wanted.equals(status(aCase, token)) ? wanted : null);
    assertEquals(wanted, last);
  }
}
