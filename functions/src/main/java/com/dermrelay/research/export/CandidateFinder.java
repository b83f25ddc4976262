package com.dermrelay.research.export;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.Diagnosis;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.cases.PhotoViews;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.patients.PatientProfiles;
import com.dermrelay.research.deid.CandidateImage;
import com.dermrelay.research.deid.IsicFields;
import com.dermrelay.research.deid.Pseudonyms;
import com.dermrelay.research.marks.PhotoMark;
import com.dermrelay.research.marks.PhotoMarks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * The candidate images of one consenting patient: their answered cases started in the export's
 * range, each checked photo that may be released, with its ISIC values and pseudonyms. What it
 * leaves out it counts by reason. No free text is read into a candidate: the diagnosis is the coded
 * one (never the note), the body site the body map's, the rest from the profile and intake.
 */
public final class CandidateFinder {
  /** Statuses a case has once its answer was delivered. */
  static final Set<String> ANSWERED =
      Set.of(CaseRecord.ANSWERED, CaseRecord.FOLLOW_UP_DUE, CaseRecord.CLOSED);

  private final CaseStore cases;
  private final CaseExchangeItems exchange;
  private final DiagnosisList diagnoses;
  private final PatientProfiles profiles;
  private final PhotoMarks marks;

  @Inject
  public CandidateFinder(
      CaseStore cases,
      CaseExchangeItems exchange,
      DiagnosisList diagnoses,
      PatientProfiles profiles,
      PhotoMarks marks) {
    this.cases = cases;
    this.exchange = exchange;
    this.diagnoses = diagnoses;
    this.profiles = profiles;
    this.marks = marks;
  }

  /** A patient's candidate images and how many answered cases they came from. */
  record Found(List<CandidateImage> images, int cases) {}

  /** The patient's candidates; {@code excluded} counts what was left out. */
  Found of(
      TenantContext tenant,
      String subject,
      String consentVersion,
      ResearchExport.Request request,
      Pseudonyms pseudonyms,
      Exclusions.Count excluded) {
    Optional<PatientProfiles.StoredProfile> profile = profiles.find(tenant, subject);
    List<CandidateImage> found = new ArrayList<>();
    int answered = 0;
    Optional<String> cursor = Optional.empty();
    do {
      CaseStore.Page page =
          cases.ofPatientCreatedBetween(tenant, subject, request.from(), request.to(), 50, cursor);
      for (StoredCase stored : page.cases()) {
        CaseRecord c = stored.record();
        if (c.isDraft()) {
          continue; // never sent: not a case of the clinic's yet
        }
        Optional<CaseAnswer> answer =
            ANSWERED.contains(c.status())
                ? exchange
                    .latest(tenant, c.caseId(), "ANSWER", CaseAnswer.class)
                    .map(CaseExchangeItems.Stored::document)
                : Optional.empty();
        if (answer.isEmpty()) {
          excluded.add(Exclusions.CASE_NOT_ANSWERED);
          continue;
        }
        answered++;
        found.addAll(
            images(
                tenant, c, answer.get(), subject, consentVersion, profile, pseudonyms, excluded));
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return new Found(found, answered);
  }

  private List<CandidateImage> images(
      TenantContext tenant,
      CaseRecord c,
      CaseAnswer answer,
      String subject,
      String consentVersion,
      Optional<PatientProfiles.StoredProfile> profile,
      Pseudonyms pseudonyms,
      Exclusions.Count excluded) {
    List<CandidateImage> images = new ArrayList<>();
    List<String> regions =
        c.intake() == null || c.intake().bodySites() == null
            ? List.of()
            : c.intake().bodySites().stream().map(s -> s.region()).toList();
    String code =
        answer.content() == null || answer.content().diagnosis() == null
            ? null
            : answer.content().diagnosis().code();
    Optional<Diagnosis> diagnosis = Optional.ofNullable(code).flatMap(diagnoses::find);
    Map<String, PhotoMark> marked = marks.ofCase(tenant, c.caseId());
    LocalDate sent =
        LocalDate.ofInstant(
            Instant.parse(c.submittedAt() != null ? c.submittedAt() : c.createdAt()),
            ZoneOffset.UTC);
    Integer age =
        profile.flatMap(p -> IsicFields.ageOn(p.profile().dateOfBirth(), sent)).orElse(null);
    String sex = profile.flatMap(p -> IsicFields.sex(p.profile().sex())).orElse(null);
    String site = IsicFields.siteOf(regions).orElse(null);
    String skinType =
        IsicFields.skinType(c.intake() == null ? null : c.intake().fitzpatrickType()).orElse(null);
    for (Map.Entry<String, CaseRecord.PhotoRecord> entry : c.photos().entrySet()) {
      CaseRecord.PhotoRecord photo = entry.getValue();
      if (!PhotoViews.usable(photo)) {
        excluded.add(Exclusions.PHOTO_NOT_USABLE);
        continue;
      }
      Optional<String> imageType =
          IsicFields.imageType(photo.view() != null ? photo.view() : entry.getKey());
      if (imageType.isEmpty()) {
        excluded.add(Exclusions.IMAGE_TYPE_UNKNOWN);
        continue;
      }
      if (mayShowFace(imageType.get(), regions) && !faceFree(marked, photo.photoId())) {
        excluded.add(Exclusions.PHOTO_MAY_SHOW_FACE);
        continue;
      }
      if (diagnosis.isEmpty()) {
        excluded.add(Exclusions.DIAGNOSIS_NOT_CODED);
        continue;
      }
      Diagnosis d = diagnosis.get();
      images.add(
          new CandidateImage(
              subject,
              c.caseId(),
              photo.photoId(),
              pseudonyms.patient(subject),
              pseudonyms.lesion(c.caseId()),
              pseudonyms.image(c.caseId(), photo.photoId()),
              imageType.get(),
              age,
              sex,
              site,
              skinType,
              sent.getYear(),
              new CandidateImage.Diagnosis(d.code(), d.name(), d.icd10(), d.snomed()),
              consentVersion));
    }
    return images;
  }

  /**
   * Safe Harbor's identifier (Q), full-face photographs and comparable images: an overview photo
   * may show a face wherever the problem is, any clinical photo of the head or neck too.
   * Dermoscopic images show a few millimetres of skin.
   */
  static boolean mayShowFace(String imageType, List<String> regions) {
    if (IsicFields.DERMOSCOPIC.equals(imageType)) {
      return false;
    }
    return IsicFields.OVERVIEW.equals(imageType) || IsicFields.onHeadOrNeck(regions);
  }

  private static boolean faceFree(Map<String, PhotoMark> marked, String photoId) {
    PhotoMark mark = marked.get(photoId);
    return mark != null && mark.faceFree();
  }
}
