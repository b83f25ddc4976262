package com.dermrelay.review;

import com.dermrelay.intake.CaseRecord;
import com.dermrelay.intake.IntakeAnswers;
import com.dermrelay.intake.PhotoViews;
import com.dermrelay.triage.AbcdeAnswers;
import com.dermrelay.triage.PhotoCheckOutcome;
import com.dermrelay.triage.SevenPointAnswers;
import com.dermrelay.triage.TriageInput;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The intake as triage reads it. The questionnaire asks for changes in size, shape and colour,
 * the diameter, oozing or crusting, a change in sensation, bleeding, immune status and skin-cancer
 * history; it does not ask about inflammation, the ABCDE signs or a rapidly worsening rash, so
 * those score nothing (triage never guesses an unanswered item).
 */
final class TriageInputs {
  private TriageInputs() {}

  static TriageInput from(CaseRecord c, LocalDate dateOfBirth) {
    IntakeAnswers a = c.intake();
    if (a == null) {
      throw new IllegalStateException("a submitted case has no intake");
    }
    IntakeAnswers.Changes changes = a.changes() == null ? new IntakeAnswers.Changes(null, null, null) : a.changes();
    IntakeAnswers.Symptoms symptoms = a.symptoms() == null
        ? new IntakeAnswers.Symptoms(null, null, null, null, null) : a.symptoms();
    SevenPointAnswers sevenPoint = new SevenPointAnswers(
        yes(changes.size()), yes(changes.shape()), yes(changes.colour()),
        a.diameterMm() == null ? null : a.diameterMm().doubleValue(),
        yes(a.inflammation()), yes(symptoms.oozingOrCrusting()), yes(symptoms.sensationChange()));
    IntakeAnswers.Abcde signs = a.abcde() == null ? new IntakeAnswers.Abcde(null, null, null, null) : a.abcde();
    AbcdeAnswers abcde = new AbcdeAnswers(yes(signs.asymmetry()), yes(signs.borderIrregular()),
        yes(signs.colourVariation()), a.diameterMm() != null && a.diameterMm() > 6, yes(signs.evolving()));
    return new TriageInput(dateOfBirth, sevenPoint, abcde, yes(symptoms.bleeding()),
        yes(a.immunosuppressed()), yes(a.rashWorseningRapidly()), yes(a.personalSkinCancerHistory()),
        yes(a.familySkinCancerHistory()), photoChecks(c), Optional.empty());
  }

  /**
   * The checks of the photos the case was submitted with (one per required view): all accepted,
   * some kept by the patient despite the check's advice, or some not checked yet.
   */
  static PhotoCheckOutcome photoChecks(CaseRecord c) {
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
  static boolean checksEnded(CaseRecord c) {
    return PhotoViews.REQUIRED.stream().map(v -> c.photos().get(v))
        .allMatch(p -> p != null && ("CHECKED".equals(p.status()) || "REJECTED".equals(p.status())));
  }

  private static boolean yes(Boolean value) {
    return Boolean.TRUE.equals(value);
  }
}
