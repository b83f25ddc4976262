package com.dermrelay.fhir.bundle;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.DermoscopyFacts;
import com.dermrelay.cases.Diagnosis;
import com.dermrelay.cases.IntakeAnswers;
import java.util.List;
import java.util.Objects;

/**
 * Everything the FHIR record of one answered round of a case is made from, read once from the
 * stores ({@link CaseSnapshots}) so the mapping ({@link CaseBundleMapper}) is a pure function.
 *
 * @param round the answer round, 1-based: the answer stored at {@code ANSWER#<round - 1>}
 * @param clinicPatientId the clinic's own identifier of the patient (e.g. a medical record number),
 *     null where the clinic has not given one
 * @param triage the case's triage as stored (the latest), null if never triaged
 * @param photos the checked photos this answer was the first to answer (its round's and those of
 *     unanswered rounds before it), by view key
 * @param diagnosis the working diagnosis as listed, null when the code is not (or no longer) listed
 * @param differentials the listed differentials, in the dermatologist's order
 * @param dermatologistName the answering member's name at the clinic (the answer's name otherwise)
 */
public record CaseSnapshot(
    String tenantId,
    String clinicName,
    String caseId,
    int round,
    String patientSubject,
    String clinicPatientId,
    String dateOfBirth,
    String sex,
    String submittedAt,
    IntakeAnswers intake,
    CaseRecord.CaseTriage triage,
    List<Photo> photos,
    CaseAnswer answer,
    Diagnosis diagnosis,
    List<Diagnosis> differentials,
    String dermatologistName) {

  public CaseSnapshot {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(answer, "answer");
    if (round < 1) {
      throw new IllegalArgumentException("answer rounds start at 1");
    }
    photos = photos == null ? List.of() : List.copyOf(photos);
    differentials = differentials == null ? List.of() : List.copyOf(differentials);
  }

  /**
   * One checked photo and what the Bundle carries of it.
   *
   * @param view the photo key's view ({@code close_up}, {@code context}, ...)
   * @param content a presigned URL, the JPEG bytes, or neither ({@link BundleMedia.Mode#OMIT})
   * @param dermoscopy how a dermoscopic photo was taken; null for the other views
   */
  public record Photo(
      String photoId,
      String view,
      String checkedAt,
      Integer width,
      Integer height,
      long sizeBytes,
      Content content,
      DermoscopyFacts dermoscopy) {
    public Photo(
        String photoId,
        String view,
        String checkedAt,
        Integer width,
        Integer height,
        long sizeBytes,
        Content content) {
      this(photoId, view, checkedAt, width, height, sizeBytes, content, null);
    }
  }

  /** Exactly one of {@code url} and {@code jpeg}, or neither when photos are left out. */
  public record Content(String url, byte[] jpeg) {
    public static Content link(String url) {
      return new Content(Objects.requireNonNull(url), null);
    }

    public static Content inline(byte[] jpeg) {
      return new Content(null, Objects.requireNonNull(jpeg));
    }

    public static Content omitted() {
      return new Content(null, null);
    }
  }
}
