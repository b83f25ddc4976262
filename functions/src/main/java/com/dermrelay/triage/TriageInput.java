package com.dermrelay.triage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What triage looks at: the intake answers, the photo checks, and a classifier's finding if the
 * clinic has one. {@code dateOfBirth} is null when unknown (no age rule applies).
 */
public record TriageInput(
    LocalDate dateOfBirth,
    SevenPointAnswers sevenPoint,
    AbcdeAnswers abcde,
    boolean bleeding,
    boolean immunosuppressed,
    boolean rapidlyWorseningRash,
    boolean personalHistoryOfSkinCancer,
    boolean familyHistoryOfSkinCancer,
    PhotoCheckOutcome photoChecks,
    Optional<ClassifierFinding> classifierFinding) {

  public TriageInput {
    Objects.requireNonNull(sevenPoint, "sevenPoint");
    Objects.requireNonNull(abcde, "abcde");
    Objects.requireNonNull(photoChecks, "photoChecks");
    Objects.requireNonNull(classifierFinding, "classifierFinding");
  }
}
