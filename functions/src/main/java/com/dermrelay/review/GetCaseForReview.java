package com.dermrelay.review;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.Diagnosis;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.cases.FollowUpReport;
import com.dermrelay.cases.InfoQuestion;
import com.dermrelay.cases.InfoReply;
import com.dermrelay.cases.MediaKeys;
import com.dermrelay.cases.Rounds;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditOutcome;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.dermrelay.patients.PatientProfile;
import com.dermrelay.patients.PatientProfiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * getCaseForReview: any active dermatologist of the clinic reads a submitted case whole (drafts and
 * other clinics' cases are the audited 404). The case's exchange items come from one Query of its
 * partition; earlier cases from the patient's case index. Every read is recorded as {@code
 * case.review.read} with the patient, so the patient's access log shows who opened it.
 *
 * <p>A prefetch (the workbench loading the next case of the worklist while the dermatologist reads
 * one, issue 21) claims nothing and is recorded as {@code case.review.prefetch} in the clinic's
 * audit trail, by actor and case but not as a read of the patient's record: the patient's access
 * log shows the case as read when, and only if, the dermatologist opens it (the workbench then
 * reads it again, as a read). docs/security.md, "Prefetching the next case".
 */
public final class GetCaseForReview {
  static final String ACTION = "case.review.read";
  static final String PREFETCH = "case.review.prefetch";
  static final Duration LINK_VALID_FOR = Duration.ofMinutes(5);
  static final int EARLIER_CASES = 5;

  private final CaseStore cases;
  private final ReviewStore reviews;
  private final CaseExchangeItems exchanges;
  private final PatientProfiles profiles;
  private final TenantDirectory directory;
  private final DiagnosisList diagnoses;
  private final AuditTrail audit;
  private final S3Presigner presigner;
  private final String bucket;
  private final Clock clock;
  private final TenantCredentials credentials;

  @Inject
  public GetCaseForReview(
      CaseStore cases,
      ReviewStore reviews,
      CaseExchangeItems exchanges,
      PatientProfiles profiles,
      TenantDirectory directory,
      DiagnosisList diagnoses,
      AuditTrail audit,
      S3Presigner presigner,
      Settings settings,
      Clock clock,
      TenantCredentials credentials) {
    this.credentials = credentials;
    this.cases = cases;
    this.reviews = reviews;
    this.exchanges = exchanges;
    this.profiles = profiles;
    this.directory = directory;
    this.diagnoses = diagnoses;
    this.audit = audit;
    this.presigner = presigner;
    this.bucket = settings.mediaBucket();
    this.clock = clock;
  }

  public CaseForReview run(TenantContext tenant, String caseId) {
    return run(tenant, caseId, false);
  }

  /** As {@link #run(TenantContext, String)}; a prefetch is audited as one, not as a read. */
  public CaseForReview run(TenantContext tenant, String caseId, boolean prefetch) {
    if (!ClaimCase.CASE_ID.matcher(caseId).matches()) {
      throw audit.notFound(tenant, ACTION, AuditResource.of("case", "malformed-id"));
    }
    CaseRecord c =
        cases
            .find(tenant, caseId)
            .map(StoredCase::record)
            .filter(r -> !r.isDraft())
            .orElseThrow(() -> audit.notFound(tenant, ACTION, AuditResource.of("case", caseId)));
    Instant now = clock.instant();
    Optional<ReviewItem> review = reviews.find(tenant, caseId).map(ReviewStore.StoredReview::item);
    Map<String, CaseExchangeItems.Exchange> sent = exchanges.sentItems(tenant, caseId);

    String priority =
        review.map(ReviewItem::priority).orElse(c.triage() == null ? null : c.triage().priority());
    String dueAt = review.map(ReviewItem::dueAt).orElse(null);
    Long secondsUntilDue =
        dueAt == null ? null : Duration.between(now, Instant.parse(dueAt)).toSeconds();
    CaseForReview.Triage triage =
        c.triage() == null
            ? null
            : new CaseForReview.Triage(
                c.triage().priority(),
                c.triage().score(),
                c.triage().sevenPointScore(),
                c.triage().reasons(),
                c.triage().decision());
    List<CaseForReview.Answer> answers =
        sent.entrySet().stream()
            .filter(e -> e.getKey().startsWith("ANSWER#"))
            .map(e -> CaseForReview.Answer.of(exchanges.document(e.getValue(), CaseAnswer.class)))
            .toList();

    CaseForReview view =
        new CaseForReview(
            caseId,
            tenant.tenantId(),
            directory
                .find(tenant.tenantId())
                .map(TenantRecord::displayName)
                .orElse(tenant.tenantId()),
            c.status(),
            priority,
            dueAt,
            secondsUntilDue,
            claim(tenant, review, now),
            patient(tenant, c, now),
            c.submittedAt(),
            Rounds.shown(c.round()),
            c.intake(),
            c.intakeVersion(),
            triage,
            rounds(tenant, c, sent),
            answers,
            earlierCases(tenant, c));
    audit.record(
        tenant,
        prefetch ? PREFETCH : ACTION,
        prefetch
            ? AuditResource.of("case", caseId)
            : AuditResource.ofPatient("case", caseId, c.patientSubject()),
        AuditOutcome.SUCCESS);
    return view;
  }

  private CaseForReview.Claim claim(
      TenantContext tenant, Optional<ReviewItem> review, Instant now) {
    long second = now.getEpochSecond();
    if (review.isEmpty() || !review.get().claimed(second)) {
      return new CaseForReview.Claim("none", null, null);
    }
    ReviewItem item = review.get();
    String byName =
        directory
            .membership(tenant.tenantId(), item.claimedBy())
            .map(Membership::displayName)
            .orElse(null);
    return new CaseForReview.Claim(
        item.claimedBy(tenant.subject(), second) ? "mine" : "other",
        Instant.ofEpochSecond(item.claimedUntil()).toString(),
        byName);
  }

  private CaseForReview.Patient patient(TenantContext tenant, CaseRecord c, Instant now) {
    Optional<PatientProfile> profile =
        profiles.find(tenant, c.patientSubject()).map(PatientProfiles.StoredProfile::profile);
    Integer age =
        profile
            .map(PatientProfile::dateOfBirth)
            .filter(d -> d != null && !d.isBlank())
            .map(
                d ->
                    Period.between(LocalDate.parse(d), now.atZone(ZoneOffset.UTC).toLocalDate())
                        .getYears())
            .orElse(null);
    return new CaseForReview.Patient(age, profile.map(PatientProfile::sex).orElse(null));
  }

  private List<CaseForReview.Round> rounds(
      TenantContext tenant, CaseRecord c, Map<String, CaseExchangeItems.Exchange> sent) {
    List<CaseForReview.Round> rounds = new ArrayList<>();
    rounds.add(
        new CaseForReview.Round(
            Rounds.shown(0), "intake", c.submittedAt(), null, null, null, photos(tenant, c, 0)));
    for (int round = 1; round <= c.round(); round++) {
      String suffix = "#" + String.format("%03d", round);
      Optional<InfoQuestion> question = document(sent, "QUESTION" + suffix, InfoQuestion.class);
      List<CaseForReview.Photo> photos = photos(tenant, c, round);
      if (question.isPresent()) {
        Optional<InfoReply> reply = document(sent, "REPLY" + suffix, InfoReply.class);
        rounds.add(
            new CaseForReview.Round(
                Rounds.shown(round),
                "info_reply",
                reply.map(InfoReply::sentAt).orElse(question.get().askedAt()),
                question.get().question(),
                reply.map(InfoReply::text).orElse(null),
                null,
                photos));
      } else {
        Optional<FollowUpReport> followUp =
            document(sent, "FOLLOWUP" + suffix, FollowUpReport.class);
        rounds.add(
            new CaseForReview.Round(
                Rounds.shown(round),
                "follow_up",
                followUp.map(FollowUpReport::sentAt).orElse(null),
                null,
                null,
                followUp
                    .map(f -> new CaseForReview.FollowUp(f.progress(), f.newSymptoms(), f.notes()))
                    .orElse(null),
                photos));
      }
    }
    return rounds;
  }

  private <T> Optional<T> document(
      Map<String, CaseExchangeItems.Exchange> sent, String sortKey, Class<T> type) {
    return Optional.ofNullable(sent.get(sortKey)).map(item -> exchanges.document(item, type));
  }

  /** The case's checked photos of {@code round} (every round when negative), by view. */
  private List<CaseForReview.Photo> photos(TenantContext tenant, CaseRecord c, int round) {
    List<CaseForReview.Photo> photos = new ArrayList<>();
    c.photos().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              CaseRecord.PhotoRecord p = e.getValue();
              if (!"CHECKED".equals(p.status()) || (round >= 0 && roundOf(e.getKey()) != round)) {
                return;
              }
              photos.add(
                  new CaseForReview.Photo(
                      p.photoId(),
                      p.view(),
                      p.verdict(),
                      p.findings(),
                      p.kept(),
                      p.width(),
                      p.height(),
                      presign(tenant, MediaKeys.clean(tenant, c.caseId(), p.photoId())),
                      presign(tenant, MediaKeys.thumbnail(tenant, c.caseId(), p.photoId())),
                      p.dermoscopy()));
            });
    return photos;
  }

  /**
   * The round of a photo key: {@code <view>} is the intake's, {@code <view>@<round>} a later one.
   */
  static int roundOf(String photoKey) {
    int at = photoKey.indexOf('@');
    return at < 0 ? 0 : Integer.parseInt(photoKey.substring(at + 1));
  }

  private List<CaseForReview.EarlierCase> earlierCases(TenantContext tenant, CaseRecord c) {
    // Two more than shown: this case and a draft may be among the newest.
    return cases.latestOfPatient(tenant, c.patientSubject(), EARLIER_CASES + 2).stream()
        .map(StoredCase::record)
        .filter(r -> !r.caseId().equals(c.caseId()) && !r.isDraft())
        .sorted(
            Comparator.comparing(
                CaseRecord::submittedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(EARLIER_CASES)
        .map(
            r ->
                new CaseForReview.EarlierCase(
                    r.caseId(),
                    r.submittedAt(),
                    r.status(),
                    bodySites(r),
                    diagnosisOf(tenant, r.caseId()),
                    photos(tenant, r, -1)))
        .toList();
  }

  private CaseForReview.DiagnosisRef diagnosisOf(TenantContext tenant, String caseId) {
    return exchanges
        .latest(tenant, caseId, "ANSWER", CaseAnswer.class)
        .map(a -> a.document().content().diagnosis().code())
        .map(
            code ->
                new CaseForReview.DiagnosisRef(
                    code, diagnoses.find(code).map(Diagnosis::name).orElse(code)))
        .orElse(null);
  }

  static List<String> bodySites(CaseRecord c) {
    if (c.intake() == null || c.intake().bodySites() == null) {
      return List.of();
    }
    return c.intake().bodySites().stream()
        .map(s -> s.region() + (s.laterality() == null ? "" : " (" + s.laterality() + ")"))
        .toList();
  }

  /** Signed by the clinic's session: the link reaches nothing outside its prefix. */
  private String presign(TenantContext tenant, String key) {
    return presigner
        .presignGetObject(
            r ->
                r.signatureDuration(LINK_VALID_FOR)
                    .getObjectRequest(
                        g ->
                            g.bucket(bucket)
                                .key(key)
                                .overrideConfiguration(
                                    credentials.presignOverride(tenant, LINK_VALID_FOR))))
        .url()
        .toString();
  }
}
