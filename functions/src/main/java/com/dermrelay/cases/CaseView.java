package com.dermrelay.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A case as its patient sees it (getCase and the answers of the changes).
 *
 * @param patient age and sex from the patient's profile, as of the request (getCase only; null
 *     elsewhere and when there is no profile): the case itself stores neither
 * @param intakeVersion the questionnaire version whose questions the submission needs
 * @param emergencySigns a sent case whose answers describe an emergency (triage.RedFlags): its
 *     clinic queued it URGENT rather than turn it away, and the portal tells the patient what to do
 *     if they get worse before the answer (false for drafts: those are turned away at submission)
 */
public record CaseView(
    String caseId,
    long version,
    String status,
    String createdAt,
    String updatedAt,
    String expiresAt,
    String submittedAt,
    EmergencyScreen emergencyScreen,
    IntakeAnswers intake,
    CaseRecord.Consent consent,
    List<PhotoView> photos,
    List<CaseRecord.TimelineEntry> timeline,
    Patient patient,
    int intakeVersion,
    boolean emergencySigns) {

  /** What the case shows of its patient, taken from {@code patients.PatientProfile}. */
  public record Patient(int ageYears, String sex) {}

  public CaseView withPatient(Patient newPatient) {
    return new CaseView(
        caseId,
        version,
        status,
        createdAt,
        updatedAt,
        expiresAt,
        submittedAt,
        emergencyScreen,
        intake,
        consent,
        photos,
        timeline,
        newPatient,
        intakeVersion,
        emergencySigns);
  }

  /** One view's photo, without storage details. */
  public record PhotoView(
      String photoId,
      String view,
      String status,
      String verdict,
      List<CaseRecord.Advice> findings,
      boolean kept,
      Integer width,
      Integer height,
      @JsonInclude(JsonInclude.Include.NON_NULL) DermoscopyFacts dermoscopy) {

    /** The patient's view of a stored photo; {@code dermoscopy} for a dermoscopic one only. */
    public static PhotoView of(CaseRecord.PhotoRecord p) {
      return new PhotoView(
          p.photoId(),
          p.view(),
          p.status(),
          p.verdict(),
          p.findings() == null ? List.of() : p.findings(),
          p.kept(),
          p.width(),
          p.height(),
          p.dermoscopy());
    }
  }

  public static CaseView of(StoredCase stored) {
    CaseRecord c = stored.record();
    List<PhotoView> photos = c.photos().values().stream().map(PhotoView::of).toList();
    return new CaseView(
        c.caseId(),
        stored.version(),
        c.status(),
        c.createdAt(),
        c.updatedAt(),
        c.expiresAt(),
        c.submittedAt(),
        c.emergencyScreen(),
        c.intake(),
        c.consent(),
        photos,
        c.timeline(),
        null,
        c.intakeVersion(),
        !c.isDraft()
            && c.intake() != null
            && !com.dermrelay.triage.RedFlags.of(TriageInputs.from(c, null)).isEmpty());
  }
}
