package com.dermrelay.intake;

import static com.dermrelay.intake.IntakeSteps.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.Photos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Submission's red-flag re-screen through HTTP: answers that describe an emergency are turned away
 * as the emergency screen turns them away, or, where the clinic chose it, queued URGENT with the
 * red flag first (docs/triage.md, Red flags; the rules themselves: RashTriageTest).
 */
@ExtendWith(LocalStackExtension.class)
class RedFlagsAtSubmissionIT {
  private static ApiCalls api;
  private static LocalStack stack;

  @BeforeAll
  static void stack(LocalStack localStack) {
    IntakeSteps.use(localStack);
    api = new ApiCalls(localStack);
    stack = localStack;
  }

  @Test
  void answersThatDescribeAnEmergencyAreTurnedAwayAtSubmission() throws Exception {
    String patient = newPatient();
    ObjectNode intake =
        com.dermrelay.testing.IntakeJourney.rashIntake()
            .put("rashExtent", "widespread")
            .put("fever", "yes");
    String caseId = create(patient, intake, consentVersion()).get("caseId").asText();
    uploadAndConfirm(patient, caseId, "close_up", Photos.sharp(1600, 1200, 0));
    uploadAndConfirm(patient, caseId, "context", Photos.sharp(1600, 1200, 1));
    HttpResponse<String> refused = submit(patient, caseId, "key-" + UUID.randomUUID());
    assertEquals(422, refused.statusCode(), refused.body());
    assertEquals(CreateCase.EMERGENCY_PROBLEM, ApiCalls.json(refused).get("type").asText());
    assertTrue(ApiCalls.json(refused).get("detail").asText().contains("emergency department"));
    assertEquals("DRAFT", ApiCalls.json(api.get(casePath(caseId), patient)).get("status").asText());
    assertEquals(0, executionsOf(caseId).size(), "no workflow for a case turned away");
    assertTrue(
        audit().stream()
            .anyMatch(
                a ->
                    a.get("action").s().equals("case.emergency-stop")
                        && a.get("outcome").s().equals("DENIED")
                        && caseId.equals(a.get("resourceId").s())));
  }

  @Test
  void aClinicThatQueuesRedFlagsGetsTheCaseUrgentWithTheRedFlagFirst() {
    String slug = "red-flags-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = com.dermrelay.testing.TestClinics.adminOfNewClinic(stack, slug);
    ObjectNode settings =
        (ObjectNode) ApiCalls.json(api.get("/clinics/" + slug + "/settings", admin));
    ((ObjectNode) settings.get("config"))
        .putObject("triage")
        .put("redFlagsAtSubmit", "queue-urgent");
    HttpResponse<String> saved =
        api.call("PUT", "/clinics/" + slug + "/settings", admin, settings.toString());
    assertEquals(200, saved.statusCode(), saved.body());

    com.dermrelay.testing.IntakeJourney journey =
        new com.dermrelay.testing.IntakeJourney(stack, api);
    ObjectNode swollen =
        com.dermrelay.testing.IntakeJourney.rashIntake().put("faceOrLipSwelling", true);
    com.dermrelay.testing.IntakeJourney.SubmittedCase submitted = journey.submit(slug, swollen);
    String caseId = submitted.caseId();
    JsonNode seen = ApiCalls.json(api.get(submitted.path(), submitted.patient().token()));
    assertTrue(
        seen.get("emergencySigns").asBoolean(), "the patient is told what to do if it gets worse");
    JsonNode triage = journey.storedCase(slug, caseId).get("triage");
    assertEquals("URGENT", triage.get("priority").asText(), triage.toString());
    assertEquals("RED_FLAG_FACE_OR_LIP_SWELLING", triage.at("/decision/rule").asText());
    assertEquals("RED_FLAG_FACE_OR_LIP_SWELLING", triage.at("/reasons/0/code").asText());
    assertTrue(triage.at("/reasons/0/decisive").asBoolean());
  }
}
