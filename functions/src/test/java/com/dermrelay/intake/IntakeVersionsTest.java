package com.dermrelay.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.IntakeAnswers;
import com.dermrelay.cases.IntakeVersions;
import com.dermrelay.cases.TriageInputs;
import com.dermrelay.triage.ProblemKind;
import com.dermrelay.triage.TriageInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A case stored under intake version 1 opens, keeps what the patient said, and submits by version
 * 1's rules.
 */
class IntakeVersionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A draft exactly as version 1 stored it: booleans, a whole-number diameter, ABCDE "evolving".
   */
  private static final String V1_DRAFT =
      """
      {"caseId": "11111111-2222-4333-8444-555555555555", "patientSubject": "p", "status": "DRAFT",
       "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
       "emergencyScreen": {"feverWithWidespreadRash": false, "blisteringOrPeelingSkin": false,
         "rapidlySpreadingPainfulRedness": false, "faceOrLipSwellingOrBreathingTrouble": false},
       "intake": {"bodySites": [{"region": "forearm", "laterality": "left"}], "onset": "gradual",
         "durationDays": 60, "lesionCount": "one",
         "symptoms": {"itch": true, "pain": false, "bleeding": false, "oozingOrCrusting": false, "sensationChange": false},
         "changes": {"size": true, "shape": false, "colour": true}, "diameterMm": 6,
         "personalSkinCancerHistory": false, "familySkinCancerHistory": true, "immunosuppressed": false,
         "medicines": "none", "allergies": "none", "treatmentsTried": "none", "pregnancy": "not-applicable",
         "fitzpatrickType": 2, "ownWords": "A mole that grew.", "inflammation": true,
         "abcde": {"asymmetry": true, "borderIrregular": false, "colourVariation": false, "evolving": true},
         "rashWorseningRapidly": false},
       "photos": {}, "timeline": [], "round": 0}
      """;

  @Test
  void versionOneAnswersReadAsVersionTwoWithNothingLost() {
    CaseRecord c = IntakeVersions.readCase(JSON, V1_DRAFT);
    assertEquals(IntakeVersions.V1, c.intakeVersion());
    IntakeAnswers a = c.intake();
    assertEquals(
        new IntakeAnswers.Changes("yes", "no", "yes", "yes"),
        a.changes(),
        "evolving became changes.other");
    assertEquals(new IntakeAnswers.Abcde("yes", "no", "no"), a.abcde());
    assertEquals("no", a.personalSkinCancerHistory());
    assertEquals("yes", a.familySkinCancerHistory());
    assertEquals("no", a.immunosuppressed());
    assertEquals("yes", a.inflammation());
    assertEquals(6.0, a.diameterMm());
    assertEquals("one", a.lesionCount());
    assertNull(a.problem(), "version 1 never asked");
    assertEquals(java.util.List.of(), IntakeRules.missingForSubmission(a, c.intakeVersion()));
  }

  @Test
  void readingTwiceChangesNothing() throws Exception {
    CaseRecord once = IntakeVersions.readCase(JSON, V1_DRAFT);
    CaseRecord twice = IntakeVersions.readCase(JSON, JSON.writeValueAsString(once));
    assertEquals(once, twice);
  }

  @Test
  void aVersionOneCaseIsTriagedByBothRuleSetsAsBefore() {
    TriageInput input = TriageInputs.from(IntakeVersions.readCase(JSON, V1_DRAFT), null);
    assertEquals(ProblemKind.EITHER, input.problem());
    assertEquals(true, input.spot().changeInSize());
    assertEquals(true, input.spot().otherChange());
    assertEquals(true, input.familyHistoryOfSkinCancer());
  }
}
