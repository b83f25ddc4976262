package com.dermrelay.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A patient's case as stored (one item, the document as JSON text) and as answered to its patient.
 * Photos are keyed by view ({@code close_up}, {@code context}, ...), one each.
 *
 * @param status {@code DRAFT} until submitted, then {@code SUBMITTED} and the workflow's statuses
 *     below; the patient sees it, the timeline says how it got there
 * @param expiresAt when an unsubmitted draft is dropped (ISO-8601); null once submitted
 * @param submitKey the Idempotency-Key that submitted it
 * @param triage the workflow's triage of the case (null until triaged)
 * @param round 0 for the intake; raised by one each time the patient is asked for more (a question
 *     or a follow-up), so photos of that round are kept apart from earlier ones
 * @param intakeVersion the questionnaire version whose questions the submission needs ({@link
 *     IntakeVersions}); documents written before versions existed are version 1
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
    String submitKey,
    CaseTriage triage,
    Integer round,
    Integer intakeVersion) {

  public static final String DRAFT = "DRAFT";
  public static final String SUBMITTED = "SUBMITTED";

  /** Triaged and waiting on the clinic's worklist (claimed or not). */
  public static final String QUEUED = "QUEUED";

  /** The dermatologist asked the patient a question; the case waits for the reply. */
  public static final String MORE_INFO_REQUESTED = "MORE_INFO_REQUESTED";

  /** Answered and delivered to the patient. */
  public static final String ANSWERED = "ANSWERED";

  /** The follow-up asked for is due: the patient is invited to send new photos. */
  public static final String FOLLOW_UP_DUE = "FOLLOW_UP_DUE";

  public static final String CLOSED = "CLOSED";

  /** The workflow failed on this case; the clinic was alerted (see the timeline). */
  public static final String FAILED = "FAILED";

  public CaseRecord {
    photos = photos == null ? Map.of() : photos;
    timeline = timeline == null ? List.of() : timeline;
    round = round == null ? 0 : round;
    intakeVersion = intakeVersion == null ? IntakeVersions.V1 : intakeVersion;
  }

  /**
   * The triage stored on the case: what the worklist orders by and the reasons it shows.
   *
   * @param reasons plain-language reasons, the deciding ones first
   */
  public record CaseTriage(
      String priority,
      int score,
      int sevenPointScore,
      List<TriageReasonEntry> reasons,
      String triagedAt,
      TriageDecision decision) {

    /** A triage stored before decisions were recorded. */
    public CaseTriage(
        String priority,
        int score,
        int sevenPointScore,
        List<TriageReasonEntry> reasons,
        String triagedAt) {
      this(priority, score, sevenPointScore, reasons, triagedAt, null);
    }
  }

  /**
   * One triage reason as stored (code for statistics and translation, text for people).
   *
   * @param decisive true when part of what decided the priority; left out (null) otherwise, and in
   *     triages stored before it was recorded: the case item is rewritten at every step
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record TriageReasonEntry(String code, String text, int points, Boolean decisive) {
    public TriageReasonEntry {
      decisive = Boolean.TRUE.equals(decisive) ? Boolean.TRUE : null;
    }

    public TriageReasonEntry(String code, String text, int points) {
      this(code, text, points, null);
    }
  }

  /**
   * What decided the priority: the deciding rule's code and, when that rule is a checklist, its
   * score and the score from which it asks for the priority.
   *
   * @param scale {@code SEVEN_POINT}, {@code ABCDE} or null when the rule is not a checklist
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record TriageDecision(String rule, String scale, Integer score, Integer threshold) {}

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
   * @param thumbnailStored a thumbnail of the clean copy is at {@code uploads.MediaKeys.thumbnail}
   *     (false for photos checked before thumbnails were made, and for unchecked or refused ones)
   * @param dermoscopy how a {@code dermoscopic} photo was taken, as given with its upload slot;
   *     null for the other views (left out of the stored JSON)
   */
  public record PhotoRecord(
      String photoId,
      String view,
      String status,
      String contentType,
      long sizeBytes,
      String requestedAt,
      String checkedAt,
      String verdict,
      List<Advice> findings,
      boolean kept,
      Integer width,
      Integer height,
      Long perceptualHash,
      boolean thumbnailStored,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          DermoscopyFacts dermoscopy) {

    /**
     * Photos stored before the kind was renamed to {@code dermoscopic} read under the new name, so
     * an older case still answers within the contract and still carries its dermoscopic photo.
     */
    public PhotoRecord {
      if (LEGACY_DERMOSCOPIC.equals(view)) {
        view = PhotoViews.DERMOSCOPIC;
      }
    }

    private static final String LEGACY_DERMOSCOPIC = "dermoscopy";

    /** A photo record without a thumbnail: an upload slot, a refused file, an older record. */
    public PhotoRecord(
        String photoId,
        String view,
        String status,
        String contentType,
        long sizeBytes,
        String requestedAt,
        String checkedAt,
        String verdict,
        List<Advice> findings,
        boolean kept,
        Integer width,
        Integer height,
        Long perceptualHash) {
      this(
          photoId,
          view,
          status,
          contentType,
          sizeBytes,
          requestedAt,
          checkedAt,
          verdict,
          findings,
          kept,
          width,
          height,
          perceptualHash,
          false,
          null);
    }

    /** This photo, kept (or not) by the patient despite the advice. */
    public PhotoRecord withKept(boolean keep) {
      return new PhotoRecord(
          photoId,
          view,
          status,
          contentType,
          sizeBytes,
          requestedAt,
          checkedAt,
          verdict,
          findings,
          keep,
          width,
          height,
          perceptualHash,
          thumbnailStored,
          dermoscopy);
    }
  }

  /** A finding of the check and what the patient should do about it. */
  public record Advice(String code, String verdict, String advice) {}

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isDraft() {
    return DRAFT.equals(status);
  }

  /**
   * Which of the two timeline events came last ("" if neither): an event is appended once per
   * occasion, so a retry finds its own and adds nothing.
   */
  public String lastOf(String first, String second) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      String event = timeline.get(i).event();
      if (event.equals(first) || event.equals(second)) {
        return event;
      }
    }
    return "";
  }

  /**
   * The key a photo of {@code view} is stored under in {@link #photos}: the view itself in the
   * intake (round 0), {@code <view>@<round>} for photos sent later (a reply or a follow-up).
   */
  public static String photoKey(String view, int round) {
    return round == 0 ? view : view + "@" + round;
  }

  public CaseRecord withPhoto(String viewKey, PhotoRecord photo, String now, String event) {
    Map<String, PhotoRecord> next = new LinkedHashMap<>(photos);
    next.put(viewKey, photo);
    return new CaseRecord(
        caseId,
        patientSubject,
        status,
        createdAt,
        now,
        expiresAt,
        submittedAt,
        emergencyScreen,
        intake,
        consent,
        next,
        append(now, event),
        submitKey,
        triage,
        round,
        intakeVersion);
  }

  public CaseRecord withAnswers(
      IntakeAnswers newIntake, Consent newConsent, int newIntakeVersion, String now) {
    return new CaseRecord(
        caseId,
        patientSubject,
        status,
        createdAt,
        now,
        expiresAt,
        submittedAt,
        emergencyScreen,
        newIntake,
        newConsent,
        photos,
        append(now, "updated"),
        submitKey,
        triage,
        round,
        newIntakeVersion);
  }

  public CaseRecord submitted(String key, String now) {
    return new CaseRecord(
        caseId,
        patientSubject,
        SUBMITTED,
        createdAt,
        now,
        null,
        now,
        emergencyScreen,
        intake,
        consent,
        photos,
        append(now, "submitted"),
        key,
        triage,
        round,
        intakeVersion);
  }

  /**
   * The case in {@code newStatus}, with {@code event} on its timeline (a stable code the portal
   * translates, e.g. {@code queued}, {@code answered}; never health details).
   */
  public CaseRecord withStatus(String newStatus, String now, String event) {
    return new CaseRecord(
        caseId,
        patientSubject,
        newStatus,
        createdAt,
        now,
        expiresAt,
        submittedAt,
        emergencyScreen,
        intake,
        consent,
        photos,
        append(now, event),
        submitKey,
        triage,
        round,
        intakeVersion);
  }

  /** The case with one more event on its timeline, status unchanged. */
  public CaseRecord withEvent(String now, String event) {
    return withStatus(status, now, event);
  }

  public CaseRecord withTriage(CaseTriage newTriage, String now) {
    return new CaseRecord(
        caseId,
        patientSubject,
        status,
        createdAt,
        now,
        expiresAt,
        submittedAt,
        emergencyScreen,
        intake,
        consent,
        photos,
        append(now, "triaged"),
        submitKey,
        newTriage,
        round,
        intakeVersion);
  }

  /** The case asking the patient for more (a question or a follow-up): a new photo round. */
  public CaseRecord withNextRound(String newStatus, String now, String event) {
    return new CaseRecord(
        caseId,
        patientSubject,
        newStatus,
        createdAt,
        now,
        expiresAt,
        submittedAt,
        emergencyScreen,
        intake,
        consent,
        photos,
        append(now, event),
        submitKey,
        triage,
        round + 1,
        intakeVersion);
  }

  private List<TimelineEntry> append(String at, String event) {
    List<TimelineEntry> next = new ArrayList<>(timeline);
    next.add(new TimelineEntry(at, event));
    return next;
  }
}
