package com.dermrelay.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiResponses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeRulesTest {
  private static final IntakeAnswers COMPLETE = new IntakeAnswers(
      List.of(new IntakeAnswers.BodySite("forearm", "left")), "gradual", 60, "one",
      new IntakeAnswers.Symptoms(true, false, false, false, false),
      new IntakeAnswers.Changes(true, false, true), null, false, true, false,
      "none", "none", "moisturiser", "not-applicable", null, "A mole that grew.");

  private static List<String> pointers(List<ApiProblem.FieldError> errors) {
    return errors.stream().map(ApiProblem.FieldError::pointer).toList();
  }

  @Test
  void aCompleteIntakeLacksNothingAndBreaksNoRule() {
    assertEquals(List.of(), IntakeRules.missingForSubmission(COMPLETE));
    assertEquals(List.of(), IntakeRules.valueProblems(COMPLETE, "/intake"));
  }

  @Test
  void valuesOutsideTheVocabulariesAndRangesAreNamedByPointer() {
    IntakeAnswers bad = new IntakeAnswers(List.of(new IntakeAnswers.BodySite("elsewhere", "up")), "slowly",
        -1, "lots", null, null, 900, null, null, null, null, null, null, "maybe", 7, "x".repeat(4001));
    assertEquals(List.of("/intake/bodySites/0/region", "/intake/bodySites/0/laterality", "/intake/onset",
        "/intake/durationDays", "/intake/lesionCount", "/intake/diameterMm", "/intake/pregnancy",
        "/intake/fitzpatrickType", "/intake/ownWords"), pointers(IntakeRules.valueProblems(bad, "/intake")));
  }

  @Test
  void aDraftMayLeaveAnswersOutButSubmissionNamesEachMissingOne() {
    IntakeAnswers partial = new IntakeAnswers(null, "gradual", null, null,
        new IntakeAnswers.Symptoms(true, null, false, false, false), null, null, false, false, false,
        "", "", "", "no", null, " ");
    assertEquals(List.of(), IntakeRules.valueProblems(partial, "/intake"));
    assertEquals(List.of("/intake/bodySites", "/intake/durationDays", "/intake/lesionCount",
        "/intake/symptoms/pain", "/intake/changes", "/intake/ownWords"),
        pointers(IntakeRules.missingForSubmission(partial)));
  }

  @Test
  void anyEmergencyYesStopsAndEveryQuestionMustBeAnswered() {
    assertFalse(new EmergencyScreen(false, false, false, false).anyYes());
    assertTrue(new EmergencyScreen(false, false, false, true).anyYes());
    assertEquals(List.of("/emergencyScreen/blisteringOrPeelingSkin"),
        pointers(IntakeRules.unansweredScreen(new EmergencyScreen(false, null, false, false))));
  }

  @Test
  void theProblemListsEachBadFieldWithoutItsValue() throws Exception {
    ApiProblem problem = assertThrows(ApiProblem.class, () -> IntakeRules.refuseIfAny(
        IntakeRules.valueProblems(new IntakeAnswers(null, "secret-onset", null, null, null, null, null,
            null, null, null, null, null, null, null, null, null), "/intake")));
    ObjectMapper json = new ObjectMapper();
    JsonNode body = json.readTree(new ApiResponses(json).problem(problem, "req-1").getBody());
    assertEquals(400, body.get("status").asInt());
    assertEquals("/intake/onset", body.at("/errors/0/pointer").asText());
    assertFalse(body.toString().contains("secret-onset"));
  }
}
