package com.dermrelay.fhir.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.fhir.ReceiverEndpoint;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.EhrClinic;
import com.dermrelay.testing.EhrDeliveries;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A clinic's EHR that is down, slow, answers 4xx or an OperationOutcome: each is recorded with its
 * reason, nothing is lost (the round stays listed until delivered) and nothing arrives twice.
 */
@ExtendWith(LocalStackExtension.class)
class EhrDeliveryFaultsIT {
  private static LocalStack stack;
  private static ApiCalls api;
  private static IntakeJourney journey;
  private static EhrDeliveries deliveries;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    journey = new IntakeJourney(localStack, api);
    deliveries = new EhrDeliveries(localStack, api);
  }

  private static String answeredCase(EhrClinic clinic) {
    IntakeJourney.SubmittedCase c =
        journey.submit(clinic.tenantId(), IntakeJourney.routineIntake());
    clinic.answer(api, c.caseId(), false);
    return c.caseId();
  }

  private static Map<String, AttributeValue> record(EhrClinic clinic, String caseId) {
    return deliveries.record(clinic.tenantId(), caseId, 1).orElseThrow();
  }

  private static JsonNode failures(EhrClinic clinic) {
    HttpResponse<String> listed =
        api.get(
            "/clinics/" + clinic.tenantId() + "/ehr/deliveries?status=FAILED", clinic.adminToken());
    assertEquals(200, listed.statusCode(), listed.body());
    return ApiCalls.json(listed).get("items");
  }

  private static HttpResponse<String> resend(EhrClinic clinic, String caseId, String query) {
    return api.call(
        "POST",
        "/clinics/" + clinic.tenantId() + "/cases/" + caseId + "/ehr/deliveries/1/send" + query,
        clinic.adminToken(),
        null);
  }

  @Test
  void anEhrThatIsDownIsRetriedWithBackoffThenListedMailedAndSentAgainOnceItIsBack() {
    EhrClinic clinic = EhrClinic.create(stack, api, 5);
    clinic.ehr().fault(ReceiverEndpoint.Fault.down());
    int mailsBefore = stack.outbox().messagesTo(clinic.adminEmail()).size();
    String caseId = answeredCase(clinic);

    assertEquals(
        ExecutionStatus.RUNNING, deliveries.execution(clinic.tenantId(), caseId, 1).status());
    assertEquals("PENDING", record(clinic, caseId).get("status").s());
    // The retries wait 60 s doubling (with jitter, at most 30 min): half an hour at a time.
    for (int i = 0;
        i < 8
            && deliveries.execution(clinic.tenantId(), caseId, 1).status()
                == ExecutionStatus.RUNNING;
        i++) {
      stack.stepFunctions().manualClock().advance(Duration.ofMinutes(31));
    }
    assertEquals(
        ExecutionStatus.FAILED, deliveries.execution(clinic.tenantId(), caseId, 1).status());
    assertEquals(
        7,
        deliveries.sendAttempts(clinic.tenantId(), caseId, 1),
        "the first attempt and six retries");
    assertEquals(7, clinic.ehr().requests());
    Map<String, AttributeValue> failed = record(clinic, caseId);
    assertEquals("FAILED", failed.get("status").s());
    assertEquals("7", failed.get("attempts").n());
    assertEquals("The EHR closed the connection without an answer.", failed.get("lastReason").s());

    List<OutboxMessage> mails = stack.outbox().messagesTo(clinic.adminEmail());
    assertEquals(1, mails.size() - mailsBefore);
    OutboxMessage mail = mails.get(mails.size() - 1);
    assertEquals("A case could not be sent to your EHR", mail.subject());
    assertTrue(mail.text().contains("/console/#ehr-deliveries"), mail.text());
    assertFalse(
        mail.text().contains("eczema") || mail.text().contains("Hydrocortisone"), "no health data");

    JsonNode listed = failures(clinic);
    assertEquals(1, listed.size(), listed.toString());
    assertEquals(caseId, listed.get(0).get("caseId").asText());
    assertEquals(1, listed.get(0).get("round").asInt());
    assertEquals(7, listed.get(0).get("attempts").asInt());
    assertEquals(
        "The EHR closed the connection without an answer.", listed.get(0).get("reason").asText());

    // Back up: "send again" delivers, once; the failure leaves the list.
    clinic.ehr().fault(ReceiverEndpoint.Fault.NONE);
    HttpResponse<String> sent = resend(clinic, caseId, "");
    assertEquals(200, sent.statusCode(), sent.body());
    assertEquals("DELIVERED", ApiCalls.json(sent).get("status").asText(), sent.body());
    assertEquals(0, failures(clinic).size());
    assertEquals(1, clinic.ehr().received().size());

    // Sending a delivered round again: refused, unless forced; forced twice duplicates nothing.
    assertEquals(409, resend(clinic, caseId, "").statusCode());
    assertEquals(200, resend(clinic, caseId, "?force=true").statusCode());
    assertEquals(200, resend(clinic, caseId, "?force=true").statusCode());
    assertEquals(3, clinic.ehr().received().size());
    for (String type :
        List.of(
            "Patient", "ServiceRequest", "DiagnosticReport", "MedicationRequest", "Provenance")) {
      assertEquals(1, clinic.ehr().all(type).size(), type + " is stored once");
    }
  }

  @Test
  void aSlowEhrTimesOutIsRecordedAndTheRetryDuplicatesNothingItHadAlreadyStored() {
    EhrClinic clinic = EhrClinic.create(stack, api, 1);
    clinic.ehr().fault(ReceiverEndpoint.Fault.slow(Duration.ofSeconds(3)));
    String caseId = answeredCase(clinic);

    Map<String, AttributeValue> timedOut = record(clinic, caseId);
    assertEquals("PENDING", timedOut.get("status").s(), timedOut.toString());
    assertEquals("1", timedOut.get("attempts").n());
    assertEquals("The EHR did not answer within 1 s.", timedOut.get("lastReason").s());
    assertEquals(
        ExecutionStatus.RUNNING, deliveries.execution(clinic.tenantId(), caseId, 1).status());

    clinic.ehr().fault(ReceiverEndpoint.Fault.NONE);
    stack.stepFunctions().manualClock().advance(Duration.ofMinutes(31));
    assertEquals(
        ExecutionStatus.SUCCEEDED, deliveries.execution(clinic.tenantId(), caseId, 1).status());
    assertEquals("DELIVERED", record(clinic, caseId).get("status").s());
    // The slow EHR had stored the first Bundle before its answer came too late.
    assertEquals(2, clinic.ehr().received().size());
    assertEquals(1, clinic.ehr().all("Patient").size());
    assertEquals(1, clinic.ehr().all("DiagnosticReport").size());
  }

  @Test
  void aRefusal4xxIsRecordedWithTheEhrsReasonAndNotRetried() {
    EhrClinic clinic = EhrClinic.create(stack, api, 5);
    clinic
        .ehr()
        .fault(ReceiverEndpoint.Fault.status(422, "Practitioner identifier system not known here"));
    String caseId = answeredCase(clinic);

    assertEquals(
        ExecutionStatus.FAILED, deliveries.execution(clinic.tenantId(), caseId, 1).status());
    assertEquals(
        1, deliveries.sendAttempts(clinic.tenantId(), caseId, 1), "a refusal is not retried");
    Map<String, AttributeValue> failed = record(clinic, caseId);
    assertEquals("FAILED", failed.get("status").s());
    assertEquals(
        "The EHR refused the Bundle (HTTP 422): Practitioner identifier system not known here.",
        failed.get("lastReason").s());
    assertEquals(1, failures(clinic).size());
  }

  @Test
  void anOperationOutcomeWithErrorsIsRecordedWithItsText() {
    EhrClinic clinic = EhrClinic.create(stack, api, 5);
    clinic
        .ehr()
        .fault(ReceiverEndpoint.Fault.outcome("Encounter is required for DiagnosticReport"));
    String caseId = answeredCase(clinic);

    assertEquals(
        ExecutionStatus.FAILED, deliveries.execution(clinic.tenantId(), caseId, 1).status());
    assertEquals(1, deliveries.sendAttempts(clinic.tenantId(), caseId, 1));
    assertEquals(
        "The EHR reported an error: Encounter is required for DiagnosticReport.",
        record(clinic, caseId).get("lastReason").s());
    assertTrue(clinic.ehr().received().isEmpty(), "nothing was stored");
  }
}
