package com.dermrelay.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A clinic can make triage more cautious, never less. */
class TriageSettingsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private final TriageRules rules = new TriageRules(CLOCK);

  private static TriageInput input(SevenPointAnswers seven, AbcdeAnswers abcde, LocalDate born) {
    return new TriageInput(born, seven, abcde, false, false, false, false, false, PhotoCheckOutcome.ALL_PASSED, Optional.empty());
  }

  private static final SevenPointAnswers THREE_POINTS = new SevenPointAnswers(true, false, false, null, true, false, false);
  private static final SevenPointAnswers TWO_POINTS = new SevenPointAnswers(false, true, false, null, false, false, false);
  private static final AbcdeAnswers ONE_SIGN = new AbcdeAnswers(true, false, false, false, false);

  @Test
  void aHigherSevenPointThresholdCannotMakeThreePointsLessThanUrgent() {
    for (int configured : List.of(4, 5, 10)) {
      TriageSettings settings = new TriageSettings(configured, null);
      assertEquals(3, settings.effectiveSevenPointUrgentScore());
      assertEquals(List.of("sevenPointUrgentScore"), settings.ignoredAsLessCautious());
      assertEquals(Priority.URGENT, rules.triage(input(THREE_POINTS, AbcdeAnswers.none(), null), settings).priority());
    }
  }

  @Test
  void aLowerSevenPointThresholdMakesTheClinicMoreCautious() {
    TriageSettings settings = new TriageSettings(2, null);
    TriageResult result = rules.triage(input(TWO_POINTS, AbcdeAnswers.none(), null), settings);
    assertEquals(Priority.URGENT, result.priority());
    assertEquals("7-point checklist score 2 (2 or more, this clinic's setting): the spot should be checked urgently for skin cancer.",
        result.reasons().get(0).text());
    assertEquals(Priority.ROUTINE, rules.triage(input(TWO_POINTS, AbcdeAnswers.none(), null), TriageSettings.builtIn()).priority());
  }

  @Test
  void aHigherAgeCannotSpareOlderPatientsTheStepUp() {
    TriageSettings settings = new TriageSettings(null, 80);
    assertEquals(50, settings.effectiveUrgentAgeYears());
    assertEquals(List.of("urgentAgeYears"), settings.ignoredAsLessCautious());
    TriageResult sixty = rules.triage(input(SevenPointAnswers.none(), ONE_SIGN, LocalDate.parse("1966-01-01")), settings);
    assertEquals(Priority.SOON, sixty.priority());
  }

  @Test
  void aLowerAgeStepsUpYoungerPatientsToo() {
    TriageSettings settings = new TriageSettings(null, 40);
    TriageInput aged45 = input(SevenPointAnswers.none(), ONE_SIGN, LocalDate.parse("1980-06-01"));
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
