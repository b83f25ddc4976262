package com.dermrelay.triage;

import static com.dermrelay.triage.TriageCases.codes;
import static com.dermrelay.triage.TriageCases.decisive;
import static com.dermrelay.triage.TriageCases.either;
import static com.dermrelay.triage.TriageCases.rash;
import static com.dermrelay.triage.TriageCases.reason;
import static com.dermrelay.triage.TriageCases.spot;
import static com.dermrelay.triage.TriageCases.triage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The spot rules (NICE NG12's weighted 7-point checklist, ABCDE, a new spot), risk factors and what
 * decides.
 */
class TriageRulesTest {

  // ---- weighted 7-point checklist (NICE NG12)
  // ----------------------------------------------------

  @Test
  void eachMajorFeatureScoresTwoPointsAndAnIrregularShapeCountsOnce() {
    assertEquals(2, triage(spot().grown()).sevenPointScore());
    assertEquals(2, triage(spot().asymmetric()).sevenPointScore());
    assertEquals(2, triage(spot().ragged()).sevenPointScore());
    assertEquals(
        2,
        triage(spot().asymmetric().ragged()).sevenPointScore(),
        "uneven halves and a ragged edge: one irregular shape");
    assertEquals(2, triage(spot().colours()).sevenPointScore());
  }

  @Test
  void eachMinorFeatureScoresOnePoint() {
    assertEquals(1, triage(spot().mm(7.0)).sevenPointScore());
    assertEquals(1, triage(spot().inflamed()).sevenPointScore());
    assertEquals(1, triage(spot().oozing()).sevenPointScore());
    assertEquals(1, triage(spot().sensation()).sevenPointScore());
  }

  @Test
  void aChangeOfShapeOrColourIsEvolvingNotAnIrregularShapeOrColour() {
    TriageResult changed = triage(spot().shapeChanged().colourChanged());
    assertEquals(0, changed.sevenPointScore());
    assertEquals(Priority.SOON, changed.priority());
    assertEquals("ABCDE_CHANGING", changed.reasons().get(0).code());
  }

  @Test
  void diameterScoresFromSevenMillimetres() {
    assertEquals(0, triage(spot().mm(6.9)).sevenPointScore());
    assertEquals(1, triage(spot().mm(7.0)).sevenPointScore());
    assertEquals(0, triage(spot().mm(null)).sevenPointScore(), "not measured");
  }

  @Test
  void threePointsAreUrgentAndTheDecisionNamesTheScoreTwoAreNot() {
    TriageResult two = triage(spot().colours());
    assertEquals(Priority.ROUTINE, two.priority());
    assertEquals(new TriageDecision("BELOW_THRESHOLDS", "SEVEN_POINT", 2, 3), two.decision());

    TriageResult three = triage(spot().grown().inflamed());
    assertEquals(3, three.sevenPointScore());
    assertEquals(Priority.URGENT, three.priority());
    assertEquals(new TriageDecision("SEVEN_POINT_URGENT", "SEVEN_POINT", 3, 3), three.decision());
    assertEquals(
        "7-point checklist score 3 (3 or more): the spot should be checked urgently for skin cancer.",
        three.reasons().get(0).text());
    assertEquals(
        List.of("SEVEN_POINT_URGENT", "SEVEN_POINT_SIZE", "SEVEN_POINT_INFLAMMATION"),
        decisive(three),
        "the rule and the facts it counted decide; the ABCDE view of the same change does not");
  }

  @Test
  void aNewIrregularInflamedSpotIsUrgent() {
    TriageResult result = triage(spot().newSpot().asymmetric().inflamed());
    assertEquals(3, result.sevenPointScore());
    assertEquals(Priority.URGENT, result.priority());
  }

  @Test
  void everyFeatureTogetherScoresTen() {
    TriageResult result =
        triage(
            spot()
                .grown()
                .asymmetric()
                .ragged()
                .colours()
                .mm(12.0)
                .inflamed()
                .oozing()
                .sensation());
    assertEquals(10, result.sevenPointScore());
    assertEquals(Priority.URGENT, result.priority());
  }

  @Test
  void aRashIsNotScoredAsASpot() {
    TriageResult eczema = triage(rash(RashAnswers.Extent.ONE_AREA).inflamed().oozing().sensation());
    assertEquals(0, eczema.sevenPointScore());
    assertEquals(Priority.ROUTINE, eczema.priority());
    assertTrue(
        codes(eczema).stream().noneMatch(c -> c.startsWith("SEVEN_POINT") || c.startsWith("ABCDE")),
        codes(eczema).toString());
    assertEquals(
        Priority.URGENT,
        triage(spot().inflamed().oozing().sensation()).priority(),
        "the same facts of a spot");
    assertEquals(
        Priority.URGENT,
        triage(either().inflamed().oozing().sensation()).priority(),
        "not known: both rule sets");
  }

  // ---- ABCDE, and each fact counted once --------------------------------------------------------

  @Test
  void twoAbcdeSignsAreSoonAndThreeAreUrgentEvenBelowSevenPointThree() {
    TriageResult two = triage(spot().asymmetric().ragged());
    assertEquals(Priority.SOON, two.priority());
    assertEquals(new TriageDecision("ABCDE_TWO", "ABCDE", 2, 2), two.decision());

    TriageResult three = triage(spot().asymmetric().mm(6.5).shapeChanged());
    assertEquals(2, three.sevenPointScore());
    assertEquals(3, three.abcdeCount());
    assertEquals(Priority.URGENT, three.priority());
    assertEquals(new TriageDecision("ABCDE_SEVERAL", "ABCDE", 3, 3), three.decision());
    assertEquals(
        List.of("ABCDE_SEVERAL", "ABCDE_ASYMMETRY", "ABCDE_DIAMETER", "ABCDE_EVOLVING"),
        decisive(three));
  }

  @Test
  void aSevenMillimetreSpotAddsOnePointNotTwo() {
    TriageResult result = triage(spot().mm(7.0));
    assertEquals(1, result.sevenPointScore());
    assertEquals(1, result.abcdeCount(), "D is still one of the ABCDE signs");
    assertEquals(1, result.score(), "the width is one fact");
    assertEquals(0, reason(result, "ABCDE_DIAMETER").points());
    assertTrue(
        reason(result, "ABCDE_DIAMETER").text().contains("counted once"),
        reason(result, "ABCDE_DIAMETER").text());
    assertEquals(1, triage(spot().mm(6.5)).score(), "over 6 mm but under 7: D alone counts it");
    assertFalse(codes(triage(spot().mm(6.0))).contains("ABCDE_DIAMETER"));
  }

  @Test
  void aSpotThatGrewIsOneFactInBothChecklistsButAnotherChangeAddsAPoint() {
    TriageResult grown = triage(spot().grown());
    assertEquals(2, grown.score());
    assertEquals(0, reason(grown, "ABCDE_EVOLVING").points());
    assertEquals(Priority.SOON, grown.priority(), "a changing spot is soon");
    assertEquals(3, triage(spot().grown().colourChanged()).score());
    assertEquals(0, reason(triage(spot().colours()), "ABCDE_COLOUR").points());
  }

  @Test
  void theScoreIsTheSumOfTheReasonsPoints() {
    TriageResult result = triage(spot().grown().mm(7.5).asymmetric().bleeding());
    // 7-point: size 2, shape 2, diameter 1; ABCDE adds none of those again; bleeding 2
    assertEquals(7, result.score());
    assertEquals(result.score(), result.reasons().stream().mapToInt(TriageReason::points).sum());
  }

  // ---- a new spot -------------------------------------------------------------------------------

  @Test
  void aNewSpotGrowingForAMonthIsUrgent() {
    TriageResult month = triage(spot().newSpot().grown().lasting(45));
    assertEquals(Priority.URGENT, month.priority());
    assertEquals(TriageDecision.rule("NEW_GROWING_SPOT"), month.decision());
    assertEquals(
        Priority.SOON,
        triage(spot().newSpot().grown().lasting(20)).priority(),
        "growing for under a month");
    assertEquals(
        Priority.SOON, triage(spot().grown().lasting(45)).priority(), "an old spot that grew");
  }

  @Test
  void aNewSpotFromFortyIsSoon() {
    assertEquals(
        Priority.SOON,
        triage(spot().newSpot().born(LocalDate.parse("1986-03-01"))).priority(),
        "40 today");
    assertEquals(
        Priority.ROUTINE,
        triage(spot().newSpot().born(LocalDate.parse("1986-03-02"))).priority(),
        "39");
    assertEquals(Priority.ROUTINE, triage(spot().newSpot().born(null)).priority(), "age unknown");
  }

  // ---- bleeding, immune system, risk factors
  // ------------------------------------------------------

  @Test
  void aBleedingSpotIsSoon() {
    TriageResult result = triage(spot().bleeding());
    assertEquals(Priority.SOON, result.priority());
    assertEquals(
        new TriageReason("BLEEDING", "The spot bleeds without being injured.", 2, true),
        result.reasons().get(0));
    assertFalse(
        codes(triage(rash(RashAnswers.Extent.ONE_AREA).bleeding())).contains("BLEEDING"),
        "a scratched rash");
  }

  @Test
  void aWeakenedImmuneSystemIsAlwaysAtLeastSoon() {
    assertEquals(Priority.SOON, triage(spot().immunosuppressed()).priority());
    assertEquals(
        Priority.SOON, triage(rash(RashAnswers.Extent.ONE_AREA).immunosuppressed()).priority());
  }

  @Test
  void ageFromFiftyRaisesASpotWithWarningSignsOneStep() {
    assertEquals(
        Priority.ROUTINE,
        triage(spot().colours().born(LocalDate.parse("1976-03-02"))).priority(),
        "49");
    TriageResult fifty = triage(spot().colours().born(LocalDate.parse("1976-03-01")));
    assertEquals(Priority.SOON, fifty.priority());
    assertEquals("HIGHER_RISK_RAISED", fifty.reasons().get(0).code());
    assertEquals(TriageDecision.rule("HIGHER_RISK_RAISED"), fifty.decision());
    assertTrue(
        decisive(fifty).containsAll(List.of("HIGHER_RISK_RAISED", "AGE", "SEVEN_POINT_COLOUR")),
        decisive(fifty).toString());
  }

  @Test
  void ageAloneWithoutWarningSignsChangesNothing() {
    TriageResult result = triage(spot().born(LocalDate.parse("1940-01-01")));
    assertEquals(Priority.ROUTINE, result.priority());
    assertEquals(List.of("NO_WARNING_SIGNS"), codes(result));
    assertEquals(TriageDecision.rule("NO_WARNING_SIGNS"), result.decision());
  }

  @Test
  void historyOfSkinCancerRaisesSoonToUrgent() {
    TriageResult personal = triage(spot().asymmetric().ragged().personalHistory());
    assertEquals(Priority.URGENT, personal.priority());
    assertTrue(
        decisive(personal)
            .containsAll(List.of("HIGHER_RISK_RAISED", "PERSONAL_HISTORY", "ABCDE_TWO")));
    assertEquals(Priority.URGENT, triage(spot().asymmetric().ragged().familyHistory()).priority());
  }

  @Test
  void severalRiskFactorsStillRaiseOnlyOneStepButAllAreListed() {
    TriageResult result =
        triage(
            spot().colours().born(LocalDate.parse("1950-01-01")).personalHistory().familyHistory());
    assertEquals(Priority.SOON, result.priority());
    assertTrue(codes(result).containsAll(List.of("AGE", "PERSONAL_HISTORY", "FAMILY_HISTORY")));
  }

  @Test
  void anUnknownDateOfBirthAppliesNoAgeRule() {
    TriageResult result = triage(spot().colours().born(null));
    assertEquals(Priority.ROUTINE, result.priority());
    assertFalse(codes(result).contains("AGE"));
  }

  @Test
  void urgentStaysUrgentWhenRiskFactorsAddUp() {
    TriageResult result = triage(spot().grown().asymmetric().personalHistory());
    assertEquals(Priority.URGENT, result.priority());
    assertEquals("SEVEN_POINT_URGENT", result.reasons().get(0).code());
    assertFalse(codes(result).contains("HIGHER_RISK_RAISED"));
  }

  // ---- photos and the classifier port -----------------------------------------------------------

  @Test
  void photoProblemsAreReportedButNeverChangeThePriority() {
    TriageResult unclear = triage(spot().photos(PhotoCheckOutcome.SOME_FAILED));
    assertEquals(Priority.ROUTINE, unclear.priority());
    assertEquals(List.of("NO_WARNING_SIGNS", "PHOTOS_UNCLEAR"), codes(unclear));
    assertTrue(
        codes(triage(spot().photos(PhotoCheckOutcome.NOT_COMPLETED)))
            .contains("PHOTOS_NOT_CHECKED"));
  }

  @Test
  void aFlaggingClassifierIsOneMoreReasonAndCanMakeACaseSoon() {
    ImageClassifier classifier =
        (tenant, photos) ->
            Optional.of(new ClassifierFinding("test-double v0", "atypical naevus", 0.83, true));
    TriageResult result =
        triage(
            spot()
                .classifier(classifier.classify("northside", List.of("northside/case-1/p1.jpg"))));
    assertEquals(Priority.SOON, result.priority());
    assertEquals(
        new TriageReason(
            "CLASSIFIER_FLAGGED",
            "Image analysis (test-double v0) flagged the photos as possibly concerning: atypical naevus, 83% confidence.",
            1,
            true),
        result.reasons().get(0));
  }

  @Test
  void aClassifierThatSeesNothingNeverLowersThePriority() {
    ClassifierFinding calm = new ClassifierFinding("test-double v0", "benign", 0.99, false);
    TriageResult result = triage(spot().grown().asymmetric().classifier(Optional.of(calm)));
    assertEquals(Priority.URGENT, result.priority());
    assertTrue(
        result.reasons().stream().anyMatch(r -> r.text().contains("does not rule anything out")));
  }

  // ---- reasons, determinism
  // ----------------------------------------------------------------------

  @Test
  void nothingToReportIsRoutineWithAReason() {
    TriageResult result = triage(spot());
    assertEquals(Priority.ROUTINE, result.priority());
    assertEquals(0, result.score());
    assertEquals(
        List.of(new TriageReason("NO_WARNING_SIGNS", "No warning signs in the answers.", 0, true)),
        result.reasons());
  }

  @Test
  void reasonsAreShortPlainSentences() {
    TriageResult result =
        triage(
            either()
                .newSpot()
                .grown()
                .shapeChanged()
                .asymmetric()
                .ragged()
                .colours()
                .mm(9.0)
                .inflamed()
                .oozing()
                .sensation()
                .bleeding()
                .immunosuppressed()
                .personalHistory()
                .familyHistory()
                .born(LocalDate.parse("1940-01-01"))
                .worsening()
                .painful()
                .blisters()
                .peeling()
                .swelling()
                .fever()
                .newMedicine()
                .photos(PhotoCheckOutcome.SOME_FAILED));
    for (TriageReason reason : result.reasons()) {
      assertTrue(reason.text().endsWith("."), reason.text());
      assertTrue(reason.text().length() <= 120, reason.text());
      assertTrue(
          Character.isUpperCase(reason.text().charAt(0))
              || Character.isDigit(reason.text().charAt(0)),
          reason.text());
    }
  }

  @Test
  void theSameInputGivesTheSameResult() {
    TriageCases c =
        spot()
            .grown()
            .colours()
            .mm(7.0)
            .oozing()
            .asymmetric()
            .shapeChanged()
            .bleeding()
            .personalHistory()
            .photos(PhotoCheckOutcome.NOT_COMPLETED);
    TriageResult first = triage(c);
    for (int i = 0; i < 20; i++) {
      assertEquals(first, triage(c));
    }
  }
}
