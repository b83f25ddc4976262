package com.dermrelay.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.EmergencyScreen;
import com.dermrelay.cases.IntakeAnswers;
import com.dermrelay.cases.IntakeVersions;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiResponses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The answers every version-2 case needs, whatever the problem. */
  private static final String COMMON =
      """
      "bodySites": [{"region": "forearm", "laterality": "left"}], "onset": "gradual", "durationDays": 60,
      "symptoms": {"itch": true, "pain": false, "bleeding": false, "oozingOrCrusting": false, "sensationChange": false},
      "inflammation": "no", "personalSkinCancerHistory": "no", "familySkinCancerHistory": "unsure",
      "immunosuppressed": "no", "medicines": "none", "allergies": "none", "treatmentsTried": "moisturiser",
      "pregnancy": "not-applicable", "ownWords": "A mole that grew."
      """;

  private static final String SPOT =
      """
      "lesionCount": "one", "spotOrigin": "long-standing", "diameterMm": 6.5,
      "changes": {"size": "yes", "shape": "no", "colour": "unsure", "other": "no"},
      "abcde": {"asymmetry": "no", "borderIrregular": "unsure", "colourVariation": "no"}
      """;
  private static final String RASH =
      """
      "rashExtent": "several-areas", "rashWorseningRapidly": false, "blisters": "no", "skinPeeling": "no",
      "faceOrLipSwelling": false, "fever": "unsure", "feelingUnwell": "a-little", "newMedicine": "no"
      """;

  static IntakeAnswers answers(String... parts) {
    try {
      return JSON.readValue("{" + String.join(",", parts) + "}", IntakeAnswers.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> pointers(List<ApiProblem.FieldError> errors) {
    return errors.stream().map(ApiProblem.FieldError::pointer).toList();
  }

  @Test
  void aCompleteIntakeOfEachKindLacksNothingAndBreaksNoRule() {
    for (IntakeAnswers a :
        List.of(
            answers(COMMON, "\"problem\": \"spot\"", SPOT),
            answers(COMMON, "\"problem\": \"rash\"", RASH),
            answers(COMMON, "\"problem\": \"other\"", SPOT, RASH))) {
      assertEquals(List.of(), IntakeRules.missingForSubmission(a, IntakeVersions.V2), a.problem());
      assertEquals(List.of(), IntakeRules.valueProblems(a, "/intake"), a.problem());
    }
  }

  @Test
  void spotQuestionsAreNeededForASpotAndRashQuestionsForARash() {
    assertEquals(
        List.of("/intake/lesionCount", "/intake/changes", "/intake/spotOrigin", "/intake/abcde"),
        pointers(
            IntakeRules.missingForSubmission(
                answers(COMMON, "\"problem\": \"spot\"", RASH), IntakeVersions.V2)));
    assertEquals(
        List.of(
            "/intake/rashExtent",
            "/intake/rashWorseningRapidly",
            "/intake/blisters",
            "/intake/skinPeeling",
            "/intake/faceOrLipSwelling",
            "/intake/fever",
            "/intake/feelingUnwell",
            "/intake/newMedicine"),
        pointers(
            IntakeRules.missingForSubmission(
                answers(COMMON, "\"problem\": \"rash\"", SPOT), IntakeVersions.V2)));
    assertEquals(
        List.of("/intake/rashExtent"),
        pointers(
            IntakeRules.missingForSubmission(
                answers(
                    COMMON,
                    "\"problem\": \"other\"",
                    SPOT,
                    RASH.replace("\"rashExtent\": \"several-areas\",", "")),
                IntakeVersions.V2)),
        "something else: both");
    assertEquals(
        List.of("/intake/problem"),
        pointers(IntakeRules.missingForSubmission(answers(COMMON, SPOT), IntakeVersions.V2)));
  }

  @Test
  void aVersionOneCaseNeedsVersionOnesQuestionsOnly() {
    IntakeAnswers v1 =
        answers(
            COMMON.replace("\"inflammation\": \"no\",", ""),
            """
        "lesionCount": "one", "changes": {"size": "yes", "shape": "no", "colour": "no"}""");
    assertEquals(List.of(), IntakeRules.missingForSubmission(v1, IntakeVersions.V1));
    assertEquals(
        List.of("/intake/problem", "/intake/inflammation"),
        pointers(IntakeRules.missingForSubmission(v1, IntakeVersions.V2)),
        "version 2 asks what it is first");
  }

  @Test
  void valuesOutsideTheVocabulariesAndRangesAreNamedByPointer() {
    IntakeAnswers bad =
        answers(
            """
        "bodySites": [{"region": "elsewhere", "laterality": "up"}], "problem": "lump", "onset": "slowly",
        "durationDays": -1, "lesionCount": "lots", "rashExtent": "everywhere", "spotOrigin": "old",
        "changes": {"size": "maybe", "shape": "yes", "colour": "no", "other": "true"}, "diameterMm": 900,
        "personalSkinCancerHistory": "perhaps", "pregnancy": "maybe", "fitzpatrickType": 7,
        "ownWords": "%s", "fever": "hot", "feelingUnwell": "somewhat", "abcde": {"asymmetry": "1"}
        """
                .formatted("x".repeat(4001)));
    assertEquals(
        List.of(
            "/intake/bodySites/0/region",
            "/intake/bodySites/0/laterality",
            "/intake/problem",
            "/intake/onset",
            "/intake/durationDays",
            "/intake/lesionCount",
            "/intake/rashExtent",
            "/intake/spotOrigin",
            "/intake/changes/size",
            "/intake/changes/other",
            "/intake/diameterMm",
            "/intake/personalSkinCancerHistory",
            "/intake/pregnancy",
            "/intake/fitzpatrickType",
            "/intake/ownWords",
            "/intake/abcde/asymmetry",
            "/intake/fever",
            "/intake/feelingUnwell"),
        pointers(IntakeRules.valueProblems(bad, "/intake")));
  }

  @Test
  void theTrunkAnUnknownSideAndIDontKnowAreAnswersAPatientCanGive() {
    IntakeAnswers a =
        answers(
            """
        "bodySites": [{"region": "trunk", "laterality": "unsure"}, {"region": "chest", "laterality": "midline"}],
        "personalSkinCancerHistory": "unsure", "familySkinCancerHistory": "unsure", "immunosuppressed": "unsure",
        "changes": {"size": "unsure", "shape": "unsure", "colour": "unsure", "other": "unsure"}""");
    assertEquals(List.of(), IntakeRules.valueProblems(a, "/intake"));
  }

  @Test
  void theDiameterIsMillimetresWithOneDecimalFromHalfAMillimetreTo200() {
    for (double ok : new double[] {0.5, 6.9, 7, 199.9, 200}) {
      assertEquals(
          List.of(),
          IntakeRules.valueProblems(answers("\"diameterMm\": " + ok), "/intake"),
          "" + ok);
    }
    for (double bad : new double[] {0, 0.4, 6.95, 200.1, 500}) {
      assertEquals(
          List.of("/intake/diameterMm"),
          pointers(IntakeRules.valueProblems(answers("\"diameterMm\": " + bad), "/intake")),
          "" + bad);
    }
  }

  @Test
  void anyEmergencyYesStopsAndEveryQuestionMustBeAnswered() {
    assertFalse(new EmergencyScreen(false, false, false, false).anyYes());
    assertTrue(new EmergencyScreen(false, false, false, true).anyYes());
    assertEquals(
        List.of("/emergencyScreen/blisteringOrPeelingSkin"),
        pointers(IntakeRules.unansweredScreen(new EmergencyScreen(false, null, false, false))));
  }

  @Test
  void theProblemListsEachBadFieldWithoutItsValue() throws Exception {
    ApiProblem problem =
        assertThrows(
            ApiProblem.class,
            () ->
                IntakeRules.refuseIfAny(
                    IntakeRules.valueProblems(answers("\"onset\": \"secret-onset\""), "/intake")));
    JsonNode body = JSON.readTree(new ApiResponses(JSON).problem(problem, "req-1").getBody());
    assertEquals(400, body.get("status").asInt());
    assertEquals("/intake/onset", body.at("/errors/0/pointer").asText());
    assertFalse(body.toString().contains("secret-onset"));
  }

  @Test
  void aVersionOneDraftAnsweredWithTheKindOfProblemBecomesVersionTwo() {
    CaseRecord v1 =
        new CaseRecord(
            "c",
            "p",
            CaseRecord.DRAFT,
            "t",
            "t",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            null);
    assertEquals(IntakeVersions.V1, v1.intakeVersion());
    assertEquals(IntakeVersions.V1, UpdateCase.versionAfter(v1, answers("\"onset\": \"gradual\"")));
    assertEquals(IntakeVersions.V2, UpdateCase.versionAfter(v1, answers("\"problem\": \"rash\"")));
  }
}
