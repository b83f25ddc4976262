package com.dermrelay.cases;

import com.dermrelay.triage.PhotoCheckOutcome;
import com.dermrelay.triage.ProblemKind;
import com.dermrelay.triage.RashAnswers;
import com.dermrelay.triage.SpotAnswers;
import com.dermrelay.triage.TriageInput;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The intake as triage reads it: the one place intake answers become triage facts, used by the
 * workflow's triage and by submission's red-flag re-screen. An answer of "unsure" is not a "yes"
 * (triage never guesses; the dermatologist reads the answer). A version 1 case never said whether
 * it was a spot or a rash, so both rule sets apply to it, as they did. Every intake property read
 * here must be asked by the patient portal (PortalAsksTriageInputsTest).
 */
public final class TriageInputs {
  private TriageInputs() {}

  public static TriageInput from(CaseRecord c, LocalDate dateOfBirth) {
    IntakeAnswers a = c.intake();
    if (a == null) {
      throw new IllegalStateException("a submitted case has no intake");
    }
    IntakeAnswers.Changes changes =
        a.changes() == null ? new IntakeAnswers.Changes(null, null, null, null) : a.changes();
    IntakeAnswers.Symptoms symptoms =
        a.symptoms() == null
            ? new IntakeAnswers.Symptoms(null, null, null, null, null)
            : a.symptoms();
    IntakeAnswers.Abcde look =
        a.abcde() == null ? new IntakeAnswers.Abcde(null, null, null) : a.abcde();
    SpotAnswers spot =
        new SpotAnswers(
            "new".equals(a.spotOrigin()),
            yes(changes.size()),
            yes(changes.shape()),
            yes(changes.colour()),
            yes(changes.other()),
            yes(look.asymmetry()),
            yes(look.borderIrregular()),
            yes(look.colourVariation()),
            a.diameterMm(),
            yes(a.inflammation()),
            yes(symptoms.oozingOrCrusting()),
            yes(symptoms.sensationChange()));
    RashAnswers rash =
        new RashAnswers(
            extent(a.rashExtent()),
            yes(a.rashWorseningRapidly()),
            yes(a.inflammation()),
            yes(symptoms.pain()),
            yes(a.blisters()),
            yes(a.skinPeeling()),
            yes(a.faceOrLipSwelling()),
            yes(a.fever()),
            unwell(a.feelingUnwell()),
            yes(a.newMedicine()));
    return new TriageInput(
        dateOfBirth,
        problem(c.intakeVersion(), a.problem()),
        a.durationDays(),
        spot,
        rash,
        yes(symptoms.bleeding()),
        yes(a.immunosuppressed()),
        yes(a.personalSkinCancerHistory()),
        yes(a.familySkinCancerHistory()),
        photoChecks(c),
        Optional.empty());
  }

  static ProblemKind problem(int intakeVersion, String problem) {
    if (intakeVersion < IntakeVersions.V2 || problem == null) {
      return ProblemKind.EITHER;
    }
    return switch (problem) {
      case "spot" -> ProblemKind.SPOT;
      case "rash" -> ProblemKind.RASH;
      default -> ProblemKind.EITHER;
    };
  }

  private static RashAnswers.Extent extent(String extent) {
    if (extent == null) {
      return null;
    }
    return switch (extent) {
      case "one-area" -> RashAnswers.Extent.ONE_AREA;
      case "several-areas" -> RashAnswers.Extent.SEVERAL_AREAS;
      case "widespread" -> RashAnswers.Extent.WIDESPREAD;
      default -> null;
    };
  }

  private static RashAnswers.Unwell unwell(String answer) {
    if ("very".equals(answer)) {
      return RashAnswers.Unwell.VERY;
    }
    return "a-little".equals(answer) ? RashAnswers.Unwell.A_LITTLE : RashAnswers.Unwell.NO;
  }

  /**
   * The checks of the photos the case was submitted with (one per required view): all accepted,
   * some kept by the patient despite the check's advice, or some not checked yet.
   */
  public static PhotoCheckOutcome photoChecks(CaseRecord c) {
    boolean someFailed = false;
    for (String view : PhotoViews.REQUIRED) {
      CaseRecord.PhotoRecord photo = c.photos().get(view);
      if (photo == null || !"CHECKED".equals(photo.status())) {
        return PhotoCheckOutcome.NOT_COMPLETED;
      }
      someFailed |= !"ACCEPTED".equals(photo.verdict());
    }
    return someFailed ? PhotoCheckOutcome.SOME_FAILED : PhotoCheckOutcome.ALL_PASSED;
  }

  /** Whether the check of every photo the case needs has ended (passed, kept or rejected). */
  public static boolean checksEnded(CaseRecord c) {
    return PhotoViews.REQUIRED.stream()
        .map(v -> c.photos().get(v))
        .allMatch(
            p -> p != null && ("CHECKED".equals(p.status()) || "REJECTED".equals(p.status())));
  }

  private static boolean yes(Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  private static boolean yes(String answer) {
    return "yes".equals(answer);
  }
}
