package com.dermrelay.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantCredentials;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.IntakeJourney;
import com.dermrelay.testing.Photos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * getClinicDashboard through HTTP: cases submitted by patients, one answered by a dermatologist
 * (claim, answer), one with a retaken photo, and an SLA breach; the admin's figures move by exactly
 * those. Other tests add cases to the same demo clinic, so figures are compared before and after,
 * summed over the window (a week boundary between the reads moves nothing out).
 */
@ExtendWith(LocalStackExtension.class)
class ClinicDashboardIT {
  private static final String CLINIC = "northside-skin";
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static String admin;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    admin = api.idToken("admin@northside.example", "Demo-Admin-1");
  }

  @Test
  void theAdminsFiguresCountTheCasesAnswersRetakesAndBreachesOfTheWeek() {
    JsonNode before = dashboard();

    IntakeJourney.SubmittedCase answered = journey.submit(CLINIC, IntakeJourney.routineIntake());
    IntakeJourney.Patient patient = journey.newPatient(CLINIC);
    String retaken = journey.draft(patient, IntakeJourney.routineIntake());
    JsonNode blurred =
        journey.uploadPhoto(
            patient, retaken, "close_up", Photos.phoneJpeg(Photos.blurred(1600, 1200)));
    assertEquals("RETAKE_ADVISED", blurred.get("verdict").asText(), blurred.toString());
    journey.uploadPhoto(patient, retaken, "close_up"); // the patient took it again after its check
    journey.uploadPhoto(patient, retaken, "context");
    assertEquals(200, journey.submitCall(patient, retaken).statusCode());

    String chen = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    String casePath = "/clinics/" + CLINIC + "/cases/" + answered.caseId();
    HttpResponse<String> claim =
        api.call(
            "POST", "/clinics/" + CLINIC + "/reviews/" + answered.caseId() + "/claim", chen, null);
    assertEquals(200, claim.statusCode(), claim.body());
    HttpResponse<String> answer = api.call("POST", casePath + "/answer", chen, answer().toString());
    assertTrue(answer.statusCode() / 100 == 2, answer.body());
    // Answered without a follow-up: delivered, then closed.
    assertEquals(
        "CLOSED",
        ApiCalls.json(api.get(casePath, answered.patient().token())).get("status").asText());
    recordBreach(retaken);

    JsonNode after = dashboard();
    assertEquals(2, sum(after, "submitted") - sum(before, "submitted"));
    assertEquals(1, sum(after, "answered") - sum(before, "answered"));
    // Two photos of the answered case, three of the retaken one (a blurred close-up, then two
    // sharp).
    assertEquals(5, sum(after, "photosChecked") - sum(before, "photosChecked"));
    assertEquals(1, sum(after, "photosNeedingRetake") - sum(before, "photosNeedingRetake"));
    assertEquals(1, sum(after, "slaBreaches") - sum(before, "slaBreaches"));
    assertEquals(status(before, "CLOSED") + 1, status(after, "CLOSED"));
    assertEquals(status(before, "QUEUED") + 1, status(after, "QUEUED"));
    JsonNode thisWeek = after.get("byWeek").get(after.get("byWeek").size() - 1);
    // The functions read the stack's clock, which other tests may have moved on (days of SLA).
    assertEquals(
        DashboardStatistics.isoWeek(stack.stepFunctions().manualClock().now()),
        thisWeek.get("week").asText());
    assertTrue(
        thisWeek.get("turnaroundHoursP50").isNumber()
            && thisWeek.get("turnaroundHoursP90").isNumber(),
        thisWeek.toString());
    assertTrue(thisWeek.get("retakeShare").asDouble() > 0, thisWeek.toString());
    assertEquals(12, after.get("byWeek").size());
    assertTrue(after.get("complete").asBoolean());
    String body = after.toString();
    assertFalse(
        body.contains(answered.caseId())
            || body.contains(retaken)
            || body.contains(patient.subject()),
        "counts only: no case or patient in the answer");
  }

  @Test
  void onlyTheClinicsAdminsMayReadItAndWeeksAreChecked() {
    assertEquals(4, dashboard("?weeks=4").get("byWeek").size());
    assertEquals(400, api.get(path("?weeks=0"), admin).statusCode());
    assertEquals(400, api.get(path("?weeks=53"), admin).statusCode());
    assertEquals(400, api.get(path("?weeks=twelve"), admin).statusCode());
    assertEquals(403, api.get(path(""), journey.newPatient(CLINIC).token()).statusCode());
    assertEquals(
        403,
        api.get(path(""), api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1"))
            .statusCode());
    String harbourAdmin = api.idToken("admin@harbour.example", "Demo-Admin-1");
    assertEquals(404, api.get(path(""), harbourAdmin).statusCode());
  }

  /**
   * The breach record as the workflow's Escalate step writes it (its clock cannot be driven here).
   */
  private static void recordBreach(String caseId) {
    Settings settings = Settings.from(stack.functionEnvironment());
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      AuditTrail audit =
          new AuditTrail(
              new SingleTable(
                  dynamoDb,
                  settings,
                  ApiCalls.JSON,
                  Clock.systemUTC(),
                  TenantCredentials.functionsOwn()));
      // The functions' clock (the stack's), not the machine's: it starts when the stack does and
      // moves only when a test drives it, so a breach timed by the machine could lie after its
      // "now".
      Instant due = stack.stepFunctions().manualClock().now().truncatedTo(ChronoUnit.SECONDS);
      audit.wrote(
          Functions.forEnvironment(stack.functionEnvironment())
              .internalAccess()
              .forWorkflowStep(CLINIC, "sla-escalation", "sla-breach-" + UUID.randomUUID(), due),
          GetClinicDashboard.SLA_BREACH,
          AuditResource.of("case", caseId));
    }
  }

  private static ObjectNode answer() {
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("diagnosis").put("code", "atopic-eczema");
    body.putArray("differentials");
    body.put("patientExplanation", "This is eczema. It is common and can be controlled.");
    body.put("treatmentPlan", "Moisturise twice a day.");
    body.putArray("prescriptions");
    body.putObject("referral").put("advised", false);
    return body;
  }

  private static JsonNode dashboard() {
    return dashboard("");
  }

  private static JsonNode dashboard(String query) {
    HttpResponse<String> response = api.get(path(query), admin);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = ApiCalls.json(response);
    assertNotNull(body.get("byWeek"));
    return body;
  }

  private static String path(String query) {
    return "/clinics/" + CLINIC + "/dashboard" + query;
  }

  private static long sum(JsonNode dashboard, String field) {
    long total = 0;
    for (JsonNode week : dashboard.get("byWeek")) {
      total += week.get(field).asLong();
    }
    return total;
  }

  private static long status(JsonNode dashboard, String status) {
    for (JsonNode row : dashboard.get("casesByStatus")) {
      if (row.get("status").asText().equals(status)) {
        return row.get("count").asLong();
      }
    }
    return 0;
  }
}
