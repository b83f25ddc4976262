package com.dermrelay.fhir.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.EhrClinic;
import com.dermrelay.testing.EhrDeliveries;
import com.dermrelay.testing.IntakeJourney;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole path: a clinic with an endpoint on the local FHIR receiver, a case answered through
 * HTTP, the delivery workflow sends the round's Bundle, and the receiver holds every resource of
 * it, read back one by one at the locations recorded. The follow-up's answer is a second Bundle
 * that finds the patient, the dermatologist and the clinic already there.
 */
@ExtendWith(LocalStackExtension.class)
class EhrDeliveryIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** What issue 8 asks every Bundle to carry (a referral ServiceRequest only when advised). */
  private static final Set<String> RECORD_TYPES =
      Set.of(
          "Patient",
          "ServiceRequest",
          "QuestionnaireResponse",
          "BodyStructure",
          "Media",
          "Observation",
          "DiagnosticReport",
          "CarePlan",
          "MedicationRequest",
          "Practitioner",
          "Organization",
          "Provenance");

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

  @Test
  void anAnsweredCaseReachesTheEhrResourceByResourceAndItsFollowUpDuplicatesNoOne() {
    EhrClinic clinic = EhrClinic.create(stack, api, 5);
    IntakeJourney.SubmittedCase c =
        journey.submit(clinic.tenantId(), IntakeJourney.routineIntake());
    clinic.answer(api, c.caseId(), true);

    assertEquals(
        ExecutionStatus.SUCCEEDED,
        deliveries.execution(clinic.tenantId(), c.caseId(), 1).status(),
        () -> "not delivered: " + deliveries.record(clinic.tenantId(), c.caseId(), 1));
    Map<String, AttributeValue> record =
        deliveries.record(clinic.tenantId(), c.caseId(), 1).orElseThrow();
    assertEquals("DELIVERED", record.get("status").s());
    assertEquals("1", record.get("attempts").n());

    assertEquals(1, clinic.ehr().received().size());
    JsonNode bundle = clinic.ehr().received().get(0);
    assertEquals("transaction", bundle.get("type").asText());
    List<String> sentTypes = new ArrayList<>();
    bundle.get("entry").forEach(e -> sentTypes.add(e.at("/resource/resourceType").asText()));
    assertTrue(
        sentTypes.containsAll(RECORD_TYPES), "the Bundle carries the whole record: " + sentTypes);

    // Every location the EHR answered is a resource it holds, of the type that was sent there.
    List<String> locations = new ArrayList<>();
    record.get("locations").l().forEach(l -> locations.add(l.s()));
    assertEquals(sentTypes.size(), locations.size());
    Set<String> readBack = new TreeSet<>();
    for (int i = 0; i < locations.size(); i++) {
      String[] location = locations.get(i).split("/");
      JsonNode resource = read(clinic.tenantId(), location[0], location[1]);
      assertEquals(sentTypes.get(i), resource.get("resourceType").asText(), locations.get(i));
      readBack.add(resource.get("resourceType").asText());
    }
    assertEquals(new TreeSet<>(sentTypes), readBack);
    // References between entries point at what the EHR stored, not at the Bundle's urn:uuid ids.
    String patient = clinic.ehr().all("Patient").get(0).get("id").asText();
    assertEquals(
        "Patient/" + patient,
        clinic.ehr().all("DiagnosticReport").get(0).at("/subject/reference").asText());

    // The next day the follow-up (asked for in EhrClinic.FOLLOW_UP_IN_DAYS, one day: the shared
    // clock then fires one day of every other case's timers, not four weeks of them); its answer
    // is the second round, delivered as a second Bundle.
    stack
        .stepFunctions()
        .manualClock()
        .advance(Duration.ofDays(EhrClinic.FOLLOW_UP_IN_DAYS).plusMinutes(1));
    journey.uploadPhoto(c.patient(), c.caseId(), "close_up");
    HttpResponse<String> followedUp =
        api.call(
            "POST",
            c.path() + "/follow-up",
            c.patient().token(),
            "{\"progress\":\"BETTER\",\"newSymptoms\":false,\"notes\":\"Less itchy.\"}");
    assertEquals(200, followedUp.statusCode(), followedUp.body());
    clinic.answer(api, c.caseId(), false);
    assertEquals(
        ExecutionStatus.SUCCEEDED,
        deliveries.execution(clinic.tenantId(), c.caseId(), 2).status(),
        () -> "not delivered: " + deliveries.record(clinic.tenantId(), c.caseId(), 2));

    assertEquals(2, clinic.ehr().received().size());
    for (String type : List.of("Patient", "Practitioner", "Organization")) {
      assertEquals(1, clinic.ehr().all(type).size(), type + " is not created twice");
    }
    assertEquals(2, clinic.ehr().all("DiagnosticReport").size(), "one report per answer");
  }

  /** One resource over the receiver's HTTP read API, as an EHR client would read it. */
  private static JsonNode read(String endpoint, String type, String id) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(stack.fhirReceiver().baseUrl(endpoint) + "/" + type + "/" + id))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), type + "/" + id);
      return ApiCalls.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
