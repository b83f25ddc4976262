package com.dermrelay.fhir.bundle;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.cases.MediaKeys;
import com.dermrelay.cases.Rounds;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.dermrelay.fhir.media.EhrMediaLinks;
import com.dermrelay.patients.PatientProfile;
import com.dermrelay.patients.PatientProfiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.inject.Inject;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads what the FHIR record of one answered round is made of ({@link CaseSnapshot}) from the
 * stores: the case, its answer of that round, the patient's profile, the clinic, the answering
 * member, the listed diagnoses, and the checked photos the answer was the first to see, each as a
 * link to a short-lived copy (fhir.media.EhrMediaLinks), its bytes, or nothing ({@link
 * BundleMedia}).
 */
public final class CaseSnapshots {
  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final PatientProfiles profiles;
  private final TenantDirectory directory;
  private final DiagnosisList diagnoses;
  private final EhrMediaLinks links;
  private final S3Client s3;
  private final String bucket;
  private final TenantCredentials credentials;

  @Inject
  public CaseSnapshots(
      CaseStore cases,
      CaseExchangeItems exchanges,
      PatientProfiles profiles,
      TenantDirectory directory,
      DiagnosisList diagnoses,
      EhrMediaLinks links,
      S3Client s3,
      Settings settings,
      TenantCredentials credentials) {
    this.credentials = credentials;
    this.cases = cases;
    this.exchanges = exchanges;
    this.profiles = profiles;
    this.directory = directory;
    this.diagnoses = diagnoses;
    this.links = links;
    this.s3 = s3;
    this.bucket = settings.mediaBucket();
  }

  /** The submitted case, if this tenant has one by that id. */
  public Optional<CaseRecord> submittedCase(TenantContext tenant, String caseId) {
    return cases.find(tenant, caseId).map(StoredCase::record).filter(c -> !c.isDraft());
  }

  /** The answer of round {@code round} as shown ({@link Rounds}, from 1), if the case has one. */
  public Optional<CaseAnswer> answer(TenantContext tenant, String caseId, int round) {
    if (round < 1) {
      return Optional.empty();
    }
    return exchanges
        .get(
            tenant, CaseExchangeItems.key(caseId, "ANSWER", Rounds.stored(round)), CaseAnswer.class)
        .map(CaseExchangeItems.Stored::document);
  }

  /** The latest answered round of the case as shown (from 1), if it was answered at all. */
  public OptionalInt latestAnsweredRound(TenantContext tenant, String caseId) {
    return exchanges
        .latest(tenant, caseId, "ANSWER", CaseAnswer.class)
        .map(a -> OptionalInt.of(Rounds.shown(a.document().round())))
        .orElse(OptionalInt.empty());
  }

  public Optional<CaseSnapshot> load(
      TenantContext tenant, String caseId, int round, BundleMedia media) {
    Optional<CaseRecord> found = submittedCase(tenant, caseId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Optional<CaseAnswer> answer = answer(tenant, caseId, round);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    CaseRecord c = found.get();
    CaseAnswer a = answer.get();
    Optional<PatientProfile> profile =
        profiles.find(tenant, c.patientSubject()).map(PatientProfiles.StoredProfile::profile);
    String clinicName =
        directory.find(tenant.tenantId()).map(TenantRecord::displayName).orElse(tenant.tenantId());
    String dermatologist =
        directory
            .membership(tenant.tenantId(), a.dermatologistId())
            .map(Membership::displayName)
            .filter(n -> n != null && !n.isBlank())
            .orElse(a.dermatologistName());
    // The answer the patient reads now: an amended one replaces the report (docs/quality.md).
    var content = a.current();
    return Optional.of(
        new CaseSnapshot(
            tenant.tenantId(),
            clinicName,
            caseId,
            round,
            c.patientSubject(),
            null,
            profile.map(PatientProfile::dateOfBirth).orElse(null),
            profile.map(PatientProfile::sex).orElse(null),
            c.submittedAt(),
            c.intake(),
            c.triage(),
            photos(tenant, c, a.round(), round, media),
            a,
            content.diagnosis() == null
                ? null
                : diagnoses.find(content.diagnosis().code()).orElse(null),
            content.differentials().stream()
                .map(diagnoses::find)
                .flatMap(Optional::stream)
                .toList(),
            dermatologist));
  }

  /**
   * The checked photos the answer of case round {@code caseRound} is the first answer to see: those
   * of that round and of the rounds since the previous answer (a question's reply has no Bundle of
   * its own), by view key.
   */
  private List<CaseSnapshot.Photo> photos(
      TenantContext tenant, CaseRecord c, int caseRound, int answerRound, BundleMedia media) {
    int previous = caseRound - 1;
    while (previous >= 0
        && exchanges
            .get(tenant, CaseExchangeItems.key(c.caseId(), "ANSWER", previous), CaseAnswer.class)
            .isEmpty()) {
      previous--;
    }
    int after = previous;
    return c.photos().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> "CHECKED".equals(e.getValue().status()))
        .filter(e -> roundOf(e.getKey()) > after && roundOf(e.getKey()) <= caseRound)
        .map(
            e -> {
              CaseRecord.PhotoRecord p = e.getValue();
              String key = MediaKeys.clean(tenant, c.caseId(), p.photoId());
              return new CaseSnapshot.Photo(
                  p.photoId(),
                  p.view(),
                  p.checkedAt(),
                  p.width(),
                  p.height(),
                  p.sizeBytes(),
                  content(tenant, c.caseId(), answerRound, p.photoId(), key, media),
                  p.dermoscopy());
            })
        .toList();
  }

  private CaseSnapshot.Content content(
      TenantContext tenant,
      String caseId,
      int answerRound,
      String photoId,
      String key,
      BundleMedia media) {
    return switch (media.mode()) {
      // Our own link to the round's short-lived copy (fhir.media), valid as long as the clinic set.
      case LINK ->
          CaseSnapshot.Content.link(
              links.link(tenant, caseId, answerRound, photoId, media.linkLifetime()));
      // Read on the clinic's session: it reaches only the clinic's prefix.
      case INLINE ->
          CaseSnapshot.Content.inline(
              s3.getObjectAsBytes(
                      r ->
                          r.bucket(bucket)
                              .key(key)
                              .overrideConfiguration(credentials.requestOverride(tenant)))
                  .asByteArray());
      case OMIT -> CaseSnapshot.Content.omitted();
    };
  }

  /**
   * The round of a photo key: {@code <view>} is the intake's, {@code <view>@<round>} a later one.
   */
  static int roundOf(String photoKey) {
    int at = photoKey.indexOf('@');
    return at < 0 ? 0 : Integer.parseInt(photoKey.substring(at + 1));
  }
}
