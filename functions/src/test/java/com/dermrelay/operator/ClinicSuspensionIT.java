package com.dermrelay.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.ClinicStaff;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.ReviewCalls;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform operator suspends a clinic, through HTTP: its patient, dermatologist and admin get
 * 403 clinic-suspended on reads and writes while another clinic is served and the operator still
 * reads; an answer already given reaches the patient through the workflow while the clinic is
 * suspended, with the case's data intact; resuming restores access. Only the operator suspends or
 * changes a plan, and a plan is checked as the tenant schema checks it and audited.
 */
@ExtendWith(LocalStackExtension.class)
class ClinicSuspensionIT {
  private static final String SUSPENDED = "urn:dermrelay:problem:clinic-suspended";

  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static String operator;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    operator = api.idToken("operator@dermrelay.example", "Demo-Operator-1");
  }

  @Test
  void aSuspendedClinicsPeopleAreRefusedWhileItsWorkflowGoesOnAndResumeRestoresThem() {
    String clinic = "susp-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfSeededClinic(stack, clinic);
    String other = "calm-" + UUID.randomUUID().toString().substring(0, 8);
    TestClinics.adminOfSeededClinic(stack, other);
    String dermToken = ClinicStaff.dermatologistOf(stack, api, clinic, "Dr. Sue Pended");
    ReviewCalls derm = new ReviewCalls(api, dermToken);
    IntakeJourney.SubmittedCase answered = journey.submit(clinic, IntakeJourney.routineIntake());
    IntakeJourney.SubmittedCase waiting =
        journey.submitAs(answered.patient(), IntakeJourney.routineIntake());
    IntakeJourney.Patient elsewhere = journey.newPatient(other);
    // The answered case's execution is lost before its answer, so its delivery runs only when the
    // reconciler re-drives it: after the suspension, deterministically.
    stack.stepFunctions().service().stopExecution(answered.executionArn(), "Test.Lost", "lost");
    ObjectNode answer = ReviewCalls.eczemaAnswer("It is eczema.", "Moisturise twice a day.");
    answer.putNull("followUp");
    derm.claimAndAnswer(clinic, answered.caseId(), answer);
    JsonNode intakeBefore = journey.storedCase(clinic, waiting.caseId()).get("intake");
    int patientMails = stack.outbox().messagesTo(answered.patient().email()).size();

    HttpResponse<String> byAdmin =
        api.call("POST", "/clinics/" + clinic + "/suspend", admin, reason("Admins cannot"));
    assertEquals(403, byAdmin.statusCode(), byAdmin.body());
    HttpResponse<String> noReason = api.call("POST", suspend(clinic), operator, "{}");
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertEquals("/reason", ApiCalls.json(noReason).at("/errors/0/pointer").asText());
    HttpResponse<String> suspended =
        api.call("POST", suspend(clinic), operator, reason("Unpaid invoices since October"));
    assertEquals(200, suspended.statusCode(), suspended.body());
    assertEquals("suspended", ApiCalls.json(suspended).get("status").asText());

    String patient = answered.patient().token();
    assertSuspended(api.get(waiting.path(), patient));
    assertSuspended(
        api.call(
            "POST",
            "/clinics/" + clinic + "/cases",
            patient,
            IntakeJourney.draftBody(IntakeJourney.routineIntake(), "2026-01-01")));
    assertSuspended(api.get("/clinics/" + clinic + "/reviews/" + waiting.caseId(), dermToken));
    assertSuspended(
        api.call(
            "POST",
            "/clinics/" + clinic + "/reviews/" + waiting.caseId() + "/claim",
            dermToken,
            null));
    assertSuspended(api.get("/clinics/" + clinic + "/settings", admin));
    assertFalse(derm.onWorklist(waiting.caseId()), "a suspended clinic's cases are not offered");
    assertEquals(
        200,
        api.get("/clinics/" + other + "/me/profile", elsewhere.token()).statusCode(),
        "other clinic");
    assertEquals(200, api.get("/clinics/" + clinic + "/usage", operator).statusCode());
    assertEquals("suspended", listed(clinic).get("status").asText());

    // The workflow is not the clinic's people: the answer is delivered while it is suspended.
    stack.reconcile();
    awaitStoredStatus(clinic, answered.caseId(), "CLOSED");
    assertEquals(
        patientMails + 1,
        stack.outbox().messagesTo(answered.patient().email()).size(),
        "the patient is told the answer is there");
    assertEquals(intakeBefore, journey.storedCase(clinic, waiting.caseId()).get("intake"));
    assertEquals(1, listed(clinic).at("/usage/answersDelivered").asInt());

    HttpResponse<String> resumed =
        api.call("POST", "/clinics/" + clinic + "/resume", operator, reason("Invoices paid"));
    assertEquals(200, resumed.statusCode(), resumed.body());
    assertEquals("active", ApiCalls.json(resumed).get("status").asText());
    assertEquals(200, api.get(answered.path() + "/answer", patient).statusCode());
    assertEquals(200, api.get(waiting.path(), patient).statusCode());
    assertTrue(derm.onWorklist(waiting.caseId()), "offered again");
    derm.claim(clinic, waiting.caseId());

    JsonNode trail =
        ApiCalls.json(api.get("/clinics/" + clinic + "/audit-log?action=clinic.suspend", operator));
    assertEquals(1, trail.get("records").size(), trail.toString());
  }

  @Test
  void onlyTheOperatorChangesAPlanAndABadValueIsNamed() {
    String clinic = "plan-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestClinics.adminOfSeededClinic(stack, clinic);
    String path = "/clinics/" + clinic + "/plan";
    ObjectNode change = ApiCalls.JSON.createObjectNode().put("reason", "Upgrade on request");
    change
        .putObject("plan")
        .put("tier", "large")
        .put("requestsPerSecond", 100)
        .put("burst", 1000)
        .put("casesPerMonth", 5000)
        .put("storageMb", 500000);

    HttpResponse<String> byAdmin = api.call("PUT", path, admin, change.toString());
    assertEquals(403, byAdmin.statusCode(), byAdmin.body());
    ObjectNode fractional = change.deepCopy();
    ((ObjectNode) fractional.get("plan")).put("burst", 6.9);
    HttpResponse<String> bad = api.call("PUT", path, operator, fractional.toString());
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("/plan/burst", ApiCalls.json(bad).at("/errors/0/pointer").asText());

    HttpResponse<String> set = api.call("PUT", path, operator, change.toString());
    assertEquals(200, set.statusCode(), set.body());
    assertEquals(1000, ApiCalls.json(set).at("/plan/burst").asInt());
    JsonNode settings = ApiCalls.json(api.get("/clinics/" + clinic + "/settings", admin));
    assertEquals("large", settings.at("/config/plan/tier").asText(), "the clinic's plan now");
    assertEquals(1000, listed(clinic).at("/plan/burst").asInt());
    JsonNode trail =
        ApiCalls.json(api.get("/clinics/" + clinic + "/audit-log?action=clinic.plan", admin));
    assertEquals(1, trail.get("records").size(), trail.toString());
    assertEquals("platform_operator", trail.at("/records/0/actorRole").asText(), trail.toString());
  }

  private static void assertSuspended(HttpResponse<String> response) {
    assertEquals(403, response.statusCode(), response.body());
    JsonNode problem = ApiCalls.json(response);
    assertEquals(SUSPENDED, problem.get("type").asText());
    assertTrue(problem.get("detail").asText().contains("records are safe"), problem.toString());
    assertFalse(problem.toString().contains("Unpaid"), "the operator's reason is not told");
  }

  /** The clinic as the operator's list shows it (walking the pages). */
  private static JsonNode listed(String clinic) {
    String cursor = null;
    do {
      JsonNode page =
          ApiCalls.json(
              api.get(
                  "/platform/clinics?limit=50" + (cursor == null ? "" : "&cursor=" + cursor),
                  operator));
      for (JsonNode row : page.get("clinics")) {
        if (row.get("tenantId").asText().equals(clinic)) {
          return row;
        }
      }
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    throw new AssertionError(clinic + " is not on the operator's list");
  }

  private static void awaitStoredStatus(String clinic, String caseId, String expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String seen;
    do {
      seen = journey.storedCase(clinic, caseId).get("status").asText();
    } while (!seen.equals(expected) && System.nanoTime() < deadline);
    assertEquals(expected, seen);
  }

  private static String suspend(String clinic) {
    return "/clinics/" + clinic + "/suspend";
  }

  private static String reason(String reason) {
    return ApiCalls.JSON.createObjectNode().put("reason", reason).toString();
  }
}
