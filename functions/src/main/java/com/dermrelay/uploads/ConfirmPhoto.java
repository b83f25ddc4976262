package com.dermrelay.uploads;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.CaseView;
import com.dermrelay.cases.DraftMedia;
import com.dermrelay.cases.MediaKeys;
import com.dermrelay.cases.PhotoViews;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.dashboard.PhotoCheckCounts;
import com.dermrelay.imaging.CleanPhoto;
import com.dermrelay.imaging.Finding;
import com.dermrelay.imaging.PhotoCheck;
import com.dermrelay.imaging.PhotoInspector;
import com.dermrelay.imaging.PhotoLimits;
import com.dermrelay.imaging.Verdict;
import com.dermrelay.metering.UsageKind;
import com.dermrelay.metering.UsageMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Checks an uploaded photo: reads the raw object, runs {@link PhotoInspector}, stores the clean
 * copy (no metadata) at {@code .../clean/<photoId>.jpg} and its thumbnail at {@code
 * .../thumb/<photoId>.jpg}, and deletes the raw upload; a rejected file is deleted and nothing is
 * stored. The outcome and its advice go on the case. Confirming a checked photo again only records
 * {@code keep} (the patient keeps it despite the advice). The stored copies are metered once per
 * photo ({@link UsageKind#PHOTO_STORED}, with their bytes).
 */
public final class ConfirmPhoto {
  static final String DUPLICATE_ADVICE =
      "This looks like the same photo as another view. Please take a"
          + " separate photo for each view.";

  private final CaseStore cases;
  private final AuditTrail audit;
  private final S3Client s3;
  private final PhotoInspector inspector;
  private final String bucket;
  private final int sameDistance;
  private final DraftMedia draftMedia;
  private final PhotoCheckCounts checkCounts;
  private final TenantCredentials credentials;
  private final UsageMeter meter;

  @Inject
  public ConfirmPhoto(
      CaseStore cases,
      AuditTrail audit,
      S3Client s3,
      PhotoInspector inspector,
      PhotoLimits limits,
      DraftMedia draftMedia,
      PhotoCheckCounts checkCounts,
      Settings settings,
      TenantCredentials credentials,
      UsageMeter meter) {
    this.meter = meter;
    this.credentials = credentials;
    this.draftMedia = draftMedia;
    this.checkCounts = checkCounts;
    this.cases = cases;
    this.audit = audit;
    this.s3 = s3;
    this.inspector = inspector;
    this.sameDistance = limits.quality().duplicateMaxDistance();
    this.bucket = settings.mediaBucket();
  }

  public CaseView.PhotoView run(
      TenantContext tenant, String caseId, String photoId, UploadRequests.Confirm confirm) {
    boolean keep = Boolean.TRUE.equals(confirm.keep());
    StoredCase stored = cases.ownCase(tenant, caseId, "photo.confirm");
    Map.Entry<String, CaseRecord.PhotoRecord> found = openPhoto(tenant, stored.record(), photoId);
    String now = tenant.requestTime().toString();
    // The check runs once, outside the write loop: it reads the raw upload and then deletes it.
    Inspected inspected = null;
    if ("AWAITING_UPLOAD".equals(found.getValue().status())) {
      inspected = inspect(tenant, caseId, stored.record(), found.getValue());
    }
    for (int attempt = 1; ; attempt++) {
      CaseRecord current = stored.record();
      found = openPhoto(tenant, current, photoId);
      String photoKey = found.getKey();
      CaseRecord.PhotoRecord photo = found.getValue();
      boolean checkedNow = "AWAITING_UPLOAD".equals(photo.status());
      CaseRecord.PhotoRecord next;
      if (checkedNow && inspected != null) {
        next = inspected.record(current, photoKey, photo, keep, now, sameDistance);
      } else if ("CHECKED".equals(photo.status())) {
        // Checked already, by this call's earlier attempt or a retry of it: only "keep" changes.
        next = photo.withKept(keep);
      } else if (checkedNow) {
        throw noUpload();
      } else {
        throw new ApiProblem(
            409,
            ProblemTypes.CONFLICT,
            "Conflict",
            "This photo was refused; ask for a new upload slot and send another.");
      }
      CaseRecord updated =
          current.withPhoto(
              photoKey, next, now, "photo " + next.status().toLowerCase() + ": " + photo.view());
      try {
        cases.save(tenant, updated, stored.version());
      } catch (VersionConflictException e) {
        // Another photo of the same case was confirmed meanwhile: read again and apply this one.
        if (attempt >= RequestPhotoUploads.MAX_ATTEMPTS) {
          throw new ApiProblem(
              409, ProblemTypes.CONFLICT, "Conflict", "The case changed meanwhile; confirm again.");
        }
        stored = cases.ownCase(tenant, caseId, "photo.confirm");
        continue;
      }
      if (checkedNow) {
        // After the conditional save: a retry finds the verdict recorded and counts nothing again.
        checkCounts.record(tenant, tenant.requestTime(), Verdict.valueOf(next.verdict()));
      }
      audit.wrote(
          tenant, "photo.confirm", AuditResource.ofPatient("photo", photoId, tenant.subject()));
      return CaseView.PhotoView.of(next);
    }
  }

  /** The photo by id, in the round the case takes photos in now; else the audited 404 or a 409. */
  private Map.Entry<String, CaseRecord.PhotoRecord> openPhoto(
      TenantContext tenant, CaseRecord current, String photoId) {
    Map.Entry<String, CaseRecord.PhotoRecord> found =
        current.photos().entrySet().stream()
            .filter(e -> e.getValue().photoId().equals(photoId))
            .findFirst()
            .orElseThrow(
                () ->
                    audit.notFound(
                        tenant,
                        "photo.confirm",
                        AuditResource.ofPatient("photo", "unknown", tenant.subject())));
    int round = PhotoRounds.openRound(current);
    if (!found.getKey().equals(CaseRecord.photoKey(found.getValue().view(), round))) {
      throw new ApiProblem(
          409,
          ProblemTypes.CONFLICT,
          "Conflict",
          "This photo belongs to an earlier round of the case; it cannot change now.");
    }
    return found;
  }

  private static ApiProblem noUpload() {
    return new ApiProblem(
        409,
        ProblemTypes.CONFLICT,
        "Conflict",
        "No upload arrived for this photo; upload it to its URL first.");
  }

  /**
   * Reads and checks the raw upload, stores the clean copy and thumbnail (not for a refused file)
   * and deletes the raw upload whatever the verdict. Null when the upload is gone because a retry
   * of this confirmation checked it first: the case then has its verdict.
   */
  private Inspected inspect(
      TenantContext tenant, String caseId, CaseRecord current, CaseRecord.PhotoRecord photo) {
    String rawKey = MediaKeys.raw(tenant, caseId, photo.photoId());
    // Every S3 call acting for the clinic runs on its session (TenantCredentials).
    var asTenant = credentials.requestOverride(tenant);
    byte[] bytes;
    try {
      bytes =
          s3.getObjectAsBytes(r -> r.bucket(bucket).key(rawKey).overrideConfiguration(asTenant))
              .asByteArray();
    } catch (NoSuchKeyException e) {
      return null;
    }
    PhotoCheck check = inspector.inspect(bytes, PhotoViews.parse(photo.view()).orElseThrow());
    bytes = null;
    CleanPhoto clean = check.clean();
    if (check.verdict() != Verdict.REJECTED && clean != null) {
      // A draft's copies carry the tag that lets them expire with the draft (DraftMedia).
      String tagging = draftMedia.taggingFor(current).orElse(null);
      s3.putObject(
          r ->
              r.bucket(bucket)
                  .key(MediaKeys.clean(tenant, caseId, photo.photoId()))
                  .overrideConfiguration(asTenant)
                  .contentType("image/jpeg")
                  .metadata(Map.of())
                  .tagging(tagging),
          RequestBody.fromBytes(clean.jpeg()));
      s3.putObject(
          r ->
              r.bucket(bucket)
                  .key(MediaKeys.thumbnail(tenant, caseId, photo.photoId()))
                  .overrideConfiguration(asTenant)
                  .contentType("image/jpeg")
                  .metadata(Map.of())
                  .tagging(tagging),
          RequestBody.fromBytes(clean.thumbnailJpeg()));
      // Metered once stored: the bytes are held from here, whatever happens to the case's write.
      meter.record(
          tenant,
          UsageKind.PHOTO_STORED,
          caseId + "/" + photo.photoId(),
          (long) clean.jpeg().length + clean.thumbnailJpeg().length,
          tenant.requestTime());
    }
    // The raw upload may carry GPS and camera data: it goes whatever the verdict.
    s3.deleteObject(r -> r.bucket(bucket).key(rawKey).overrideConfiguration(asTenant));
    return new Inspected(check);
  }

  /** A check's outcome, to be recorded on whichever version of the case the write finds. */
  private record Inspected(PhotoCheck check) {
    CaseRecord.PhotoRecord record(
        CaseRecord current,
        String photoKey,
        CaseRecord.PhotoRecord photo,
        boolean keep,
        String now,
        int sameDistance) {
      List<CaseRecord.Advice> advice = new ArrayList<>();
      for (Finding finding : check.findings()) {
        advice.add(
            new CaseRecord.Advice(
                finding.code().code(), finding.verdict().name(), finding.advice()));
      }
      Verdict verdict = check.verdict();
      CleanPhoto clean = check.clean();
      boolean stored = verdict != Verdict.REJECTED && clean != null;
      if (stored) {
        // Against the other views of the same round as the case stands now (another view may have
        // been checked since): a later round may rightly resemble an earlier one.
        boolean duplicate =
            current.photos().entrySet().stream()
                .filter(
                    e ->
                        !e.getKey().equals(photoKey)
                            && e.getKey()
                                .equals(CaseRecord.photoKey(e.getValue().view(), current.round())))
                .map(Map.Entry::getValue)
                .filter(p -> !p.view().equals(photo.view()) && p.perceptualHash() != null)
                .anyMatch(
                    p ->
                        CleanPhoto.distance(p.perceptualHash(), clean.perceptualHash())
                            <= sameDistance);
        if (duplicate) {
          advice.add(
              0,
              new CaseRecord.Advice("duplicate", Verdict.RETAKE_ADVISED.name(), DUPLICATE_ADVICE));
          verdict = verdict.worse(Verdict.RETAKE_ADVISED);
        }
      }
      return new CaseRecord.PhotoRecord(
          photo.photoId(),
          photo.view(),
          stored ? "CHECKED" : "REJECTED",
          photo.contentType(),
          photo.sizeBytes(),
          photo.requestedAt(),
          now,
          verdict.name(),
          advice,
          stored && keep,
          stored ? clean.width() : null,
          stored ? clean.height() : null,
          stored ? clean.perceptualHash() : null,
          stored,
          photo.dermoscopy());
    }
  }
}
