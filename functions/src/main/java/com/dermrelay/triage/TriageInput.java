package com.dermrelay.triage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What triage looks at: the intake answers, the photo checks, and a classifier's finding if the
 * clinic has one. {@code dateOfBirth} is null when unknown (no age rule applies), {@code
 * durationDays} when not answered.
 *
 * @param bleeding the problem bleeds without being injured
 * @param immunosuppressed a weakened immune system ("unsure" arrives as false)
 */
public record TriageInput(
    LocalDate dateOfBirth,
    ProblemKind problem,
    Integer durationDays,
    SpotAnswers spot,
    RashAnswers rash,
    boolean bleeding,
    boolean immunosuppressed,
    boolean personalHistoryOfSkinCancer,
    boolean familyHistoryOfSkinCancer,
    PhotoCheckOutcome photoChecks,
    Optional<ClassifierFinding> classifierFinding) {

  public TriageInput {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(spot, "spot");
    Objects.requireNonNull(rash, "rash");
    Objects.requireNonNull(photoChecks, "photoChecks");
    Objects.requireNonNull(classifierFinding, "classifierFinding");
  }
}
