package com.dermrelay.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriageRulesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate AGED_30 = LocalDate.parse("1995-06-15");
  private final TriageRules rules = new TriageRules(CLOCK);

  /** A 30-year-old with no history and nothing to report: the neutral starting point of every test. */
  private static Builder patient() {
    return new Builder();
  }

  private TriageResult triage(Builder b) {
    return rules.triage(b.build(), TriageSettings.builtIn());
  }

  private static List<String> codes(TriageResult result) {
    return result.reasons().stream().map(TriageReason::code).toList();
  }

  // ---- Glasgow 7-point checklist -------------------------------------------------------------

  @Test
  void eachMajorCriterionScoresTwoPoints() {
    assertEquals(2, triage(patient().seven(true, false, false, null, false, false, false)).sevenPointScore());
    assertEquals(2, triage(patient().seven(false, true, false, null, false, false, false)).sevenPointScore());
    assertEquals(2, triage(patient().seven(false, false, true, null, false, false, false)).sevenPointScore());
  }

  @Test
  void eachMinorCriterionScoresOnePoint() {
    assertEquals(1, triage(patient().seven(false, false, false, 7.0, false, false, false)).sevenPointScore());
    assertEquals(1, triage(patient().seven(false, false, false, null, true, false, false)).sevenPointScore());
    assertEquals(1, triage(patient().seven(false, false, false, null, false, true, false)).sevenPointScore());
    assertEquals(1, triage(patient().seven(false, false, false, null, false, false, true)).sevenPointScore());
  }

  @Test
  void diameterScoresFromSevenMillimetres() {
    assertEquals(0, triage(patient().seven(false, false, false, 6.9, false, false, false)).sevenPointScore());
    assertEquals(0, triage(patient().seven(false, false, false, 6.0, false, false, false)).sevenPointScore());
    assertEquals(1, triage(patient().seven(false, false, false, 7.0, false, false, false)).sevenPointScore());
    assertEquals(0, triage(patient().seven(false, false, false, null, false, false, false)).sevenPointScore(), "not measured");
  }

  @Test
  void threePointsIsUrgentTwoIsNot() {
    TriageResult two = triage(patient().seven(true, false, false, null, false, false, false));
    assertEquals(Priority.ROUTINE, two.priority());
    assertFalse(codes(two).contains("SEVEN_POINT_URGENT"));

    TriageResult three = triage(patient().seven(true, false, false, null, true, false, false));
    assertEquals(3, three.sevenPointScore());
    assertEquals(Priority.URGENT, three.priority());
    assertEquals("SEVEN_POINT_URGENT", three.reasons().get(0).code(), "the deciding reason comes first");
    assertEquals("7-point checklist score 3 (3 or more): the spot should be checked urgently for skin cancer.",
        three.reasons().get(0).text());
  }

  @Test
  void threeMinorCriteriaAloneAreUrgent() {
    TriageResult result = triage(patient().seven(false, false, false, 8.0, true, true, false));
    assertEquals(3, result.sevenPointScore());
    assertEquals(Priority.URGENT, result.priority());
  }

  @Test
  void everyCriterionTogetherScoresTen() {
    TriageResult result = triage(patient().seven(true, true, true, 12.0, true, true, true));
    assertEquals(10, result.sevenPointScore());
    assertEquals(Priority.URGENT, result.priority());
  }

  // ---- ABCDE ---------------------------------------------------------------------------------

  @Test
  void oneAbcdeSignIsRoutineTwoAreSoonThreeAreUrgent() {
    assertEquals(Priority.ROUTINE, triage(patient().abcde(true, false, false, false, false)).priority());
    assertEquals(Priority.SOON, triage(patient().abcde(true, true, false, false, false)).priority());
    TriageResult three = triage(patient().abcde(true, true, true, false, false));
    assertEquals(Priority.URGENT, three.priority());
    assertEquals("ABCDE_SEVERAL", three.reasons().get(0).code());
  }

  @Test
  void aChangingSpotAloneIsSoon() {
    TriageResult result = triage(patient().abcde(false, false, false, false, true));
    assertEquals(Priority.SOON, result.priority());
    assertEquals("ABCDE_CHANGING", result.reasons().get(0).code());
  }

  @Test
  void aMeasuredDiameterOverSixMillimetresIsTheDOfAbcdeButNotYetASevenPointCriterion() {
    TriageResult result = triage(patient().seven(false, false, false, 6.5, false, false, false));
    assertTrue(codes(result).contains("ABCDE_DIAMETER"));
    assertFalse(codes(result).contains("SEVEN_POINT_DIAMETER"));
    assertFalse(codes(triage(patient().seven(false, false, false, 6.0, false, false, false))).contains("ABCDE_DIAMETER"));
  }

  // ---- red flags and risk factors ------------------------------------------------------------

  @Test
  void bleedingIsSoon() {
    TriageResult result = triage(patient().bleeding());
    assertEquals(Priority.SOON, result.priority());
    assertEquals(new TriageReason("BLEEDING", "The spot bleeds without being injured.", 2), result.reasons().get(0));
  }

  @Test
  void aRapidlyWorseningRashIsSoonAndUrgentWithAWeakenedImmuneSystem() {
    assertEquals(Priority.SOON, triage(patient().worseningRash()).priority());
    TriageResult both = triage(patient().worseningRash().immunosuppressed());
    assertEquals(Priority.URGENT, both.priority());
    assertEquals("RASH_WORSENING_IMMUNOSUPPRESSED", both.reasons().get(0).code());
  }

  @Test
  void aWeakenedImmuneSystemIsAlwaysAtLeastSoon() {
    assertEquals(Priority.SOON, triage(patient().immunosuppressed()).priority());
  }

  @Test
  void ageFromFiftyRaisesASpotWithWarningSignsOneStep() {
    Builder oneSign = patient().abcde(true, false, false, false, false);
    assertEquals(Priority.ROUTINE, triage(oneSign.born(LocalDate.parse("1976-03-02"))).priority(), "49, a day before 50");
    TriageResult fifty = triage(oneSign.born(LocalDate.parse("1976-03-01")));
    assertEquals(Priority.SOON, fifty.priority());
    assertEquals("HIGHER_RISK_RAISED", fifty.reasons().get(0).code());
    assertTrue(codes(fifty).contains("AGE"));
  }

  @Test
  void ageAloneWithoutWarningSignsChangesNothing() {
    TriageResult result = triage(patient().born(LocalDate.parse("1940-01-01")));
    assertEquals(Priority.ROUTINE, result.priority());
    assertEquals(List.of("NO_WARNING_SIGNS"), codes(result));
  }

  @Test
  void historyOfSkinCancerRaisesSoonToUrgent() {
    Builder twoSigns = patient().abcde(true, true, false, false, false);
    assertEquals(Priority.URGENT, triage(twoSigns.personalHistory()).priority());
    assertEquals(Priority.URGENT, triage(patient().abcde(true, true, false, false, false).familyHistory()).priority());
  }

  @Test
  void severalRiskFactorsStillRaiseOnlyOneStepButAllAreListed() {
    TriageResult result = triage(patient().abcde(true, false, false, false, false)
        .born(LocalDate.parse("1950-01-01")).personalHistory().familyHistory());
    assertEquals(Priority.SOON, result.priority());
    assertTrue(codes(result).containsAll(List.of("AGE", "PERSONAL_HISTORY", "FAMILY_HISTORY")));
  }

  @Test
  void anUnknownDateOfBirthAppliesNoAgeRule() {
    TriageResult result = triage(patient().abcde(true, false, false, false, false).born(null));
    assertEquals(Priority.ROUTINE, result.priority());
    assertFalse(codes(result).contains("AGE"));
  }

  @Test
  void urgentStaysUrgentWhenRiskFactorsAddUp() {
    TriageResult result = triage(patient().seven(true, true, false, null, false, false, false).personalHistory());
    assertEquals(Priority.URGENT, result.priority());
    assertEquals("SEVEN_POINT_URGENT", result.reasons().get(0).code());
    assertFalse(codes(result).contains("HIGHER_RISK_RAISED"));
  }

  // ---- photos and the classifier port ---------------------------------------------------------

  @Test
  void photoProblemsAreReportedButNeverChangeThePriority() {
    TriageResult unclear = triage(patient().photos(PhotoCheckOutcome.SOME_FAILED));
    assertEquals(Priority.ROUTINE, unclear.priority());
    assertEquals(List.of("NO_WARNING_SIGNS", "PHOTOS_UNCLEAR"), codes(unclear));
    assertTrue(codes(triage(patient().photos(PhotoCheckOutcome.NOT_COMPLETED))).contains("PHOTOS_NOT_CHECKED"));
  }

  @Test
  void aFlaggingClassifierIsOneMoreReasonAndCanMakeACaseSoon() {
    ImageClassifier classifier = (tenant, photos) -> Optional.of(new ClassifierFinding("test-double v0", "atypical naevus", 0.83, true));
    TriageResult result = triage(patient().classifier(classifier.classify("northside", List.of("northside/case-1/p1.jpg"))));
    assertEquals(Priority.SOON, result.priority());
    assertEquals(new TriageReason("CLASSIFIER_FLAGGED",
        "Image analysis (test-double v0) flagged the photos as possibly concerning: atypical naevus, 83% confidence.", 1),
        result.reasons().get(0));
  }

  @Test
  void aClassifierThatSeesNothingNeverLowersThePriority() {
    ClassifierFinding calm = new ClassifierFinding("test-double v0", "benign", 0.99, false);
    TriageResult result = triage(patient().seven(true, true, false, null, false, false, false).classifier(Optional.of(calm)));
    assertEquals(Priority.URGENT, result.priority());
    assertTrue(result.reasons().stream().anyMatch(r -> r.text().contains("does not rule anything out")));
  }

  // ---- score, reasons, determinism -----------------------------------------------------------

  @Test
  void theScoreIsTheSumOfTheReasonsPoints() {
    TriageResult result = triage(patient().seven(true, false, false, 7.5, false, false, false)
        .abcde(true, false, false, false, false).bleeding());
    // 7-point 2+1, ABCDE A + D (7.5 mm) 2, bleeding 2
    assertEquals(7, result.score());
    assertEquals(result.score(), result.reasons().stream().mapToInt(TriageReason::points).sum());
  }

  @Test
  void nothingToReportIsRoutineWithAReason() {
    TriageResult result = triage(patient());
    assertEquals(Priority.ROUTINE, result.priority());
    assertEquals(0, result.score());
    assertEquals(List.of(new TriageReason("NO_WARNING_SIGNS", "No warning signs in the answers.", 0)), result.reasons());
  }

  @Test
  void reasonsAreShortPlainSentences() {
    TriageResult result = triage(patient().seven(true, true, true, 9.0, true, true, true).abcde(true, true, true, true, true)
        .bleeding().worseningRash().immunosuppressed().personalHistory().familyHistory().born(LocalDate.parse("1940-01-01"))
        .photos(PhotoCheckOutcome.SOME_FAILED));
    for (TriageReason reason : result.reasons()) {
      assertTrue(reason.text().endsWith("."), reason.text());
      assertTrue(reason.text().length() <= 120, reason.text());
      assertTrue(Character.isUpperCase(reason.text().charAt(0)) || Character.isDigit(reason.text().charAt(0)), reason.text());
    }
  }

  @Test
  void theSameInputGivesTheSameResult() {
    Builder b = patient().seven(true, false, true, 7.0, false, true, false).abcde(true, false, true, false, true).bleeding()
        .personalHistory().photos(PhotoCheckOutcome.NOT_COMPLETED);
    TriageResult first = triage(b);
    for (int i = 0; i < 20; i++) {
      assertEquals(first, new TriageRules(CLOCK).triage(b.build(), TriageSettings.builtIn()));
    }
  }

  /** Builds inputs; starts from a 30-year-old with nothing to report. */
  static final class Builder {
    private LocalDate born = AGED_30;
    private SevenPointAnswers seven = SevenPointAnswers.none();
    private AbcdeAnswers abcde = AbcdeAnswers.none();
    private boolean bleeding;
    private boolean immunosuppressed;
    private boolean rash;
    private boolean personal;
    private boolean family;
    private PhotoCheckOutcome photos = PhotoCheckOutcome.ALL_PASSED;
    private Optional<ClassifierFinding> classifier = Optional.empty();

    Builder seven(boolean size, boolean shape, boolean colour, Double mm, boolean inflamed, boolean oozing, boolean sensation) {
      seven = new SevenPointAnswers(size, shape, colour, mm, inflamed, oozing, sensation);
      return this;
    }

    Builder abcde(boolean a, boolean b, boolean c, boolean d, boolean e) {
      abcde = new AbcdeAnswers(a, b, c, d, e);
      return this;
    }

    Builder born(LocalDate date) {
      born = date;
      return this;
    }

    Builder bleeding() {
      bleeding = true;
      return this;
    }

    Builder immunosuppressed() {
      immunosuppressed = true;
      return this;
    }

    Builder worseningRash() {
      rash = true;
      return this;
    }

    Builder personalHistory() {
      personal = true;
      return this;
    }

    Builder familyHistory() {
      family = true;
      return this;
    }

    Builder photos(PhotoCheckOutcome outcome) {
      photos = outcome;
      return this;
    }

    Builder classifier(Optional<ClassifierFinding> finding) {
      classifier = finding;
      return this;
    }

    TriageInput build() {
      return new TriageInput(born, seven, abcde, bleeding, immunosuppressed, rash, personal, family, photos, classifier);
    }
  }
}
