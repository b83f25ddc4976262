package com.dermrelay.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A patient's case as stored (one item, the document as JSON text) and as answered to its
 * patient. Photos are keyed by view ({@code close_up}, {@code context}, ...), one each.
 *
 * @param status {@code DRAFT} until submitted, then {@code SUBMITTED}
 * @param expiresAt when an unsubmitted draft is dropped (ISO-8601); null once submitted
 * @param submitKey the Idempotency-Key that submitted it
 */
public record CaseRecord(
    String caseId,
    String patientSubject,
    String status,
    String createdAt,
    String updatedAt,
    String expiresAt,
    String submittedAt,
    EmergencyScreen emergencyScreen,
    IntakeAnswers intake,
    Consent consent,
    Map<String, PhotoRecord> photos,
    List<TimelineEntry> timeline,
    String submitKey) {

  public static final String DRAFT = "DRAFT";
  public static final String SUBMITTED = "SUBMITTED";

  public CaseRecord {
    photos = photos == null ? Map.of() : photos;
    timeline = timeline == null ? List.of() : timeline;
  }

  /** The consent version the patient accepted and when. */
  public record Consent(String version, String acceptedAt) {}

  /** One thing that happened to the case, for the patient's timeline. */
  public record TimelineEntry(String at, String event) {}

  /**
   * One view's photo: an upload slot until confirmed, then the check's outcome.
   *
   * @param status {@code AWAITING_UPLOAD}, {@code CHECKED} (clean copy stored) or {@code REJECTED}
   * @param verdict the check's verdict (imaging.Verdict), null before the check
   * @param kept the patient chose to keep it despite the advice
   * @param perceptualHash of the clean copy, to spot one photo sent for two views
   */
  public record PhotoRecord(
      String photoId, String view, String status, String contentType, long sizeBytes,
      String requestedAt, String checkedAt, String verdict, List<Advice> findings, boolean kept,
      Integer width, Integer height, Long perceptualHash) {}

  /** A finding of the check and what the patient should do about it. */
  public record Advice(String code, String verdict, String advice) {}

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isDraft() {
    return DRAFT.equals(status);
  }

  public CaseRecord withPhoto(String viewKey, PhotoRecord photo, String now, String event) {
    Map<String, PhotoRecord> next = new LinkedHashMap<>(photos);
    next.put(viewKey, photo);
    return new CaseRecord(caseId, patientSubject, status, createdAt, now, expiresAt, submittedAt,
        emergencyScreen, intake, consent, next, append(now, event), submitKey);
  }

  CaseRecord withAnswers(IntakeAnswers newIntake, Consent newConsent, String now) {
    return new CaseRecord(caseId, patientSubject, status, createdAt, now, expiresAt, submittedAt,
        emergencyScreen, newIntake, newConsent, photos, append(now, "updated"), submitKey);
  }

  CaseRecord submitted(String key, String now) {
    return new CaseRecord(caseId, patientSubject, SUBMITTED, createdAt, now, null, now,
        emergencyScreen, intake, consent, photos, append(now, "submitted"), key);
  }

  private List<TimelineEntry> append(String at, String event) {
    List<TimelineEntry> next = new ArrayList<>(timeline);
    next.add(new TimelineEntry(at, event));
    return next;
  }
}
