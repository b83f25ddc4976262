package com.dermrelay.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A clinic can make triage more cautious, never less. */
class TriageSettingsTest {
  private final TriageRules rules = new TriageRules(TriageCases.CLOCK);

  /** Grown and inflamed: 7-point score 3. */
  private static final TriageInput THREE_POINTS =
      TriageCases.spot().grown().inflamed().born(null).build();

  /** Several colours: 7-point score 2 and one ABCDE sign, a warning sign below every threshold. */
  private static final TriageInput TWO_POINTS = TriageCases.spot().colours().born(null).build();

  private static TriageInput oneSign(LocalDate born) {
    return TriageCases.spot().colours().born(born).build();
  }

  @Test
  void aHigherSevenPointThresholdCannotMakeThreePointsLessThanUrgent() {
    for (int configured : List.of(4, 5, 10)) {
      TriageSettings settings = new TriageSettings(configured, null);
      assertEquals(3, settings.effectiveSevenPointUrgentScore());
      assertEquals(List.of("sevenPointUrgentScore"), settings.ignoredAsLessCautious());
      assertEquals(Priority.URGENT, rules.triage(THREE_POINTS, settings).priority());
    }
  }

  @Test
  void aLowerSevenPointThresholdMakesTheClinicMoreCautious() {
    TriageSettings settings = new TriageSettings(2, null);
    TriageResult result = rules.triage(TWO_POINTS, settings);
    assertEquals(Priority.URGENT, result.priority());
    assertEquals(
        "7-point checklist score 2 (2 or more, this clinic's setting): the spot should be checked urgently for skin cancer.",
        result.reasons().get(0).text());
    assertEquals(Priority.ROUTINE, rules.triage(TWO_POINTS, TriageSettings.builtIn()).priority());
  }

  @Test
  void aHigherAgeCannotSpareOlderPatientsTheStepUp() {
    TriageSettings settings = new TriageSettings(null, 80);
    assertEquals(50, settings.effectiveUrgentAgeYears());
    assertEquals(List.of("urgentAgeYears"), settings.ignoredAsLessCautious());
    TriageResult sixty = rules.triage(oneSign(LocalDate.parse("1966-01-01")), settings);
    assertEquals(Priority.SOON, sixty.priority());
  }

  @Test
  void aLowerAgeStepsUpYoungerPatientsToo() {
    TriageSettings settings = new TriageSettings(null, 40);
    TriageInput aged45 = oneSign(LocalDate.parse("1980-06-01"));
    assertEquals(Priority.SOON, rules.triage(aged45, settings).priority());
    assertEquals(Priority.ROUTINE, rules.triage(aged45, TriageSettings.builtIn()).priority());
    assertEquals(List.of(), settings.ignoredAsLessCautious());
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TriageSettings(0, null));
    assertThrows(IllegalArgumentException.class, () -> new TriageSettings(null, -1));
  }
}
