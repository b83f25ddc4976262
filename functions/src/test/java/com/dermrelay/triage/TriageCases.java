package com.dermrelay.triage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Triage inputs for the rule tests, built fact by fact from a 30-year-old with nothing to report. A
 * fact set on a spot is set where the intake would set it (inflammation is one answer for spots and
 * rashes alike).
 */
final class TriageCases {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  static final LocalDate AGED_30 = LocalDate.parse("1995-06-15");

  private ProblemKind problem;
  private LocalDate born = AGED_30;
  private Integer durationDays = 60;
  private boolean newSpot,
      grown,
      shapeChanged,
      colourChanged,
      otherChange,
      asymmetric,
      ragged,
      colours;
  private Double mm;
  private boolean inflamed,
      oozing,
      sensation,
      painful,
      bleeding,
      immunosuppressed,
      personal,
      family;
  private RashAnswers.Extent extent;
  private boolean worsening, blisters, peeling, swelling, fever, newMedicine;
  private RashAnswers.Unwell unwell = RashAnswers.Unwell.NO;
  private PhotoCheckOutcome photos = PhotoCheckOutcome.ALL_PASSED;
  private Optional<ClassifierFinding> classifier = Optional.empty();

  private TriageCases(ProblemKind problem) {
    this.problem = problem;
  }

  static TriageCases spot() {
    return new TriageCases(ProblemKind.SPOT);
  }

  static TriageCases rash(RashAnswers.Extent extent) {
    TriageCases c = new TriageCases(ProblemKind.RASH);
    c.extent = extent;
    return c;
  }

  /** Something else, or a version 1 case: both rule sets. */
  static TriageCases either() {
    return new TriageCases(ProblemKind.EITHER);
  }

  static TriageResult triage(TriageCases c) {
    return triage(c, TriageSettings.builtIn());
  }

  static TriageResult triage(TriageCases c, TriageSettings settings) {
    return new TriageRules(CLOCK).triage(c.build(), settings);
  }

  static List<String> codes(TriageResult result) {
    return result.reasons().stream().map(TriageReason::code).toList();
  }

  static List<String> decisive(TriageResult result) {
    return result.reasons().stream()
        .filter(TriageReason::decisive)
        .map(TriageReason::code)
        .toList();
  }

  static TriageReason reason(TriageResult result, String code) {
    return result.reasons().stream()
        .filter(r -> r.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError(code + " not in " + codes(result)));
  }

  TriageCases newSpot() {
    newSpot = true;
    return this;
  }

  TriageCases grown() {
    grown = true;
    return this;
  }

  TriageCases shapeChanged() {
    shapeChanged = true;
    return this;
  }

  TriageCases colourChanged() {
    colourChanged = true;
    return this;
  }

  TriageCases otherChange() {
    otherChange = true;
    return this;
  }

  TriageCases asymmetric() {
    asymmetric = true;
    return this;
  }

  TriageCases ragged() {
    ragged = true;
    return this;
  }

  TriageCases colours() {
    colours = true;
    return this;
  }

  TriageCases mm(Double width) {
    mm = width;
    return this;
  }

  TriageCases inflamed() {
    inflamed = true;
    return this;
  }

  TriageCases oozing() {
    oozing = true;
    return this;
  }

  TriageCases sensation() {
    sensation = true;
    return this;
  }

  TriageCases painful() {
    painful = true;
    return this;
  }

  TriageCases bleeding() {
    bleeding = true;
    return this;
  }

  TriageCases immunosuppressed() {
    immunosuppressed = true;
    return this;
  }

  TriageCases personalHistory() {
    personal = true;
    return this;
  }

  TriageCases familyHistory() {
    family = true;
    return this;
  }

  TriageCases born(LocalDate date) {
    born = date;
    return this;
  }

  TriageCases lasting(Integer days) {
    durationDays = days;
    return this;
  }

  TriageCases worsening() {
    worsening = true;
    return this;
  }

  TriageCases blisters() {
    blisters = true;
    return this;
  }

  TriageCases peeling() {
    peeling = true;
    return this;
  }

  TriageCases swelling() {
    swelling = true;
    return this;
  }

  TriageCases fever() {
    fever = true;
    return this;
  }

  TriageCases unwell(RashAnswers.Unwell how) {
    unwell = how;
    return this;
  }

  TriageCases newMedicine() {
    newMedicine = true;
    return this;
  }

  TriageCases photos(PhotoCheckOutcome outcome) {
    photos = outcome;
    return this;
  }

  TriageCases classifier(Optional<ClassifierFinding> finding) {
    classifier = finding;
    return this;
  }

  TriageInput build() {
    SpotAnswers spot =
        new SpotAnswers(
            newSpot,
            grown,
            shapeChanged,
            colourChanged,
            otherChange,
            asymmetric,
            ragged,
            colours,
            mm,
            inflamed,
            oozing,
            sensation);
    RashAnswers rash =
        new RashAnswers(
            extent,
            worsening,
            inflamed,
            painful,
            blisters,
            peeling,
            swelling,
            fever,
            unwell,
            newMedicine);
    return new TriageInput(
        born,
        problem,
        durationDays,
        spot,
        rash,
        bleeding,
        immunosuppressed,
        personal,
        family,
        photos,
        classifier);
  }
}
