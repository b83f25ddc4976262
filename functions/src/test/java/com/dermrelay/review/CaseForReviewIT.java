package com.dermrelay.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * getCaseForReview through HTTP: what a dermatologist of the clinic sees of a case (and of the
 * patient's earlier case), who else may see it, and the patient's access log recording the read.
 */
@ExtendWith(LocalStackExtension.class)
class CaseForReviewIT {
  private static final String NORTHSIDE = "northside-skin";
  private static final String HARBOUR = "harbour-dermatology";
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static String chen;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    chen = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
  }

  @Test
  void aDermatologistOfTheClinicReadsTheWholeCaseWithTheEarlierOneAndTheReadIsLogged()
      throws Exception {
    IntakeJourney.Patient patient = journey.newPatient(NORTHSIDE);
    journey.saveProfile(patient, "1960-05-17", "female");
    IntakeJourney.SubmittedCase earlier = journey.submitAs(patient, IntakeJourney.routineIntake());
    IntakeJourney.SubmittedCase current = journey.submitAs(patient, IntakeJourney.urgentIntake());

    HttpResponse<String> response = api.get(reviewPath(NORTHSIDE, current.caseId()), chen);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode c = ApiCalls.json(response);
    assertEquals(current.caseId(), c.get("caseId").asText());
    assertEquals(NORTHSIDE, c.get("tenantId").asText());
    assertEquals("QUEUED", c.get("status").asText());
    assertEquals("URGENT", c.get("priority").asText());
    assertTrue(c.get("secondsUntilDue").asLong() > 23 * 3600, c.toString());
    assertEquals("none", c.at("/claim/state").asText());
    int age =
        Period.between(LocalDate.parse("1960-05-17"), LocalDate.now(ZoneOffset.UTC)).getYears();
    assertEquals(age, c.at("/patient/age").asInt(), "age from the profile");
    assertEquals("female", c.at("/patient/sex").asText());
    assertFalse(response.body().contains(patient.email()), "no e-mail of the patient");
    assertEquals("A dry patch.", c.at("/intake/ownWords").asText());
    assertEquals(4, c.at("/triage/sevenPointScore").asInt());
    assertTrue(
        c.at("/triage/reasons/0/text").asText().contains("7-point"), c.get("triage").toString());
    assertEquals(1, c.get("round").asInt(), "the intake is round 1");
    JsonNode intakeRound = c.get("rounds").get(0);
    assertEquals("intake", intakeRound.get("kind").asText());
    assertEquals(2, intakeRound.get("photos").size(), intakeRound.toString());
    JsonNode closeUp = intakeRound.get("photos").get(0);
    assertEquals("close_up", closeUp.get("view").asText());
    assertEquals(
        200,
        fetch(closeUp.get("url").asText()).statusCode(),
        "the photo link opens the checked copy");
    assertTrue(closeUp.get("thumbnailUrl").asText().contains("/thumb/"));
    assertEquals(0, c.get("answers").size());

    JsonNode earlierCases = c.get("earlierCases");
    assertEquals(1, earlierCases.size(), earlierCases.toString());
    assertEquals(earlier.caseId(), earlierCases.get(0).get("caseId").asText());
    assertEquals("forearm (left)", earlierCases.get(0).get("bodySites").get(0).asText());
    assertEquals(2, earlierCases.get(0).get("photos").size());

    // The patient sees in their access log that a dermatologist opened the case.
    JsonNode log =
        ApiCalls.json(api.get("/clinics/" + NORTHSIDE + "/me/access-log", patient.token()));
    boolean seen = false;
    for (JsonNode entry : log.get("entries")) {
      seen |=
          entry.get("action").asText().equals("case.review.read")
              && entry.get("actorRole").asText().equals("dermatologist");
    }
    assertTrue(seen, log.toString());
  }

  /**
   * Issue 21: the workbench loads the next case ahead; that neither claims it nor shows in the
   * patient's access log as a read until the dermatologist opens it.
   */
  @Test
  void aPrefetchClaimsNothingAndIsNoReadUntilTheCaseIsOpened() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.routineIntake());
    String path = reviewPath(NORTHSIDE, c.caseId());
    HttpResponse<String> ahead = api.get(path + "?purpose=prefetch", chen);
    assertEquals(200, ahead.statusCode(), ahead.body());
    assertEquals("none", ApiCalls.json(ahead).at("/claim/state").asText());
    assertEquals(2, ApiCalls.json(ahead).at("/rounds/0/photos").size(), "thumbnails to load");
    assertEquals(400, api.get(path + "?purpose=peek", chen).statusCode());
    assertFalse(readInAccessLog(c.patient()), "a prefetch is not a read of the record");

    assertEquals(200, api.get(path, chen).statusCode());
    assertTrue(readInAccessLog(c.patient()), "opening the case is");
  }

  private static boolean readInAccessLog(IntakeJourney.Patient patient) {
    JsonNode log =
        ApiCalls.json(api.get("/clinics/" + NORTHSIDE + "/me/access-log", patient.token()));
    for (JsonNode entry : log.get("entries")) {
      if (entry.get("action").asText().startsWith("case.review.")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theClaimShowsWhoHoldsIt() {
    IntakeJourney.SubmittedCase c = journey.submit(NORTHSIDE, IntakeJourney.soonIntake());
    String other = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Okafor");
    assertEquals(
        200,
        api.call("POST", reviewPath(NORTHSIDE, c.caseId()) + "/claim", other, null).statusCode());

    JsonNode byOther = ApiCalls.json(api.get(reviewPath(NORTHSIDE, c.caseId()), other));
    assertEquals("mine", byOther.at("/claim/state").asText());
    JsonNode byChen = ApiCalls.json(api.get(reviewPath(NORTHSIDE, c.caseId()), chen));
    assertEquals("other", byChen.at("/claim/state").asText());
    assertEquals("Dr. Okafor", byChen.at("/claim/byName").asText());
    assertFalse(byChen.at("/claim/until").isNull());
  }

  @Test
  void otherClinicsAndPatientsCannotReadIt() {
    IntakeJourney.SubmittedCase c = journey.submit(HARBOUR, IntakeJourney.routineIntake());
    String northsideOnly = ClinicStaff.dermatologistOf(stack, api, NORTHSIDE, "Dr. Boundary");
    assertEquals(404, api.get(reviewPath(HARBOUR, c.caseId()), northsideOnly).statusCode());
    assertEquals(
        404,
        api.get(reviewPath(NORTHSIDE, c.caseId()), northsideOnly).statusCode(),
        "the case is not in the dermatologist's own clinic either");
    assertEquals(
        403,
        api.get(reviewPath(HARBOUR, c.caseId()), c.patient().token()).statusCode(),
        "patients do not use the review operations");
  }

  private static String reviewPath(String clinic, String caseId) {
    return "/clinics/" + clinic + "/reviews/" + caseId;
  }

  private static HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
