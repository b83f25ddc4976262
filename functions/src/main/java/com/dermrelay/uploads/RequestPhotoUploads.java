package com.dermrelay.uploads;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.DermoscopyFacts;
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
import com.dermrelay.core.http.NameText;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.ClinicPlan;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.dermrelay.imaging.PhotoLimits;
import com.dermrelay.metering.PlanAllowances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Upload slots for a case's photos (a draft's, or a later round's, see {@link PhotoRounds}): one
 * presigned S3 PUT per view, under {@code <tenantId>/cases/<caseId>/raw/<photoId>}, valid ten
 * minutes. The Content-Type and Content-Length headers are part of the signature, so S3 itself
 * refuses another type or size (403), as it refuses a changed or expired URL. A new slot for a view
 * replaces the old one. A draft's photos are refused (409) once the clinic stores what its plan
 * allows ({@link PlanAllowances}); a sent case's later rounds never are.
 */
public final class RequestPhotoUploads {
  public static final Duration EXPIRY = Duration.ofMinutes(10);
  static final Set<String> CONTENT_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

  /** Smaller than this is no photo at all; the real limits are checked on the bytes. */
  static final long MIN_BYTES = 1024;

  /**
   * Writes tried before a conflict is the caller's: enough for the four views of one case at once.
   */
  static final int MAX_ATTEMPTS = 8;

  private final CaseStore cases;
  private final AuditTrail audit;
  private final S3Presigner presigner;
  private final DraftMedia draftMedia;
  private final String bucket;
  private final long maxBytes;
  private final TenantCredentials credentials;
  private final TenantDirectory directory;
  private final PlanAllowances allowances;

  @Inject
  public RequestPhotoUploads(
      CaseStore cases,
      AuditTrail audit,
      S3Presigner presigner,
      PhotoLimits limits,
      Settings settings,
      DraftMedia draftMedia,
      TenantCredentials credentials,
      TenantDirectory directory,
      PlanAllowances allowances) {
    this.directory = directory;
    this.allowances = allowances;
    this.credentials = credentials;
    this.draftMedia = draftMedia;
    this.maxBytes = limits.maxBytes();
    this.cases = cases;
    this.audit = audit;
    this.presigner = presigner;
    this.bucket = settings.mediaBucket();
  }

  public UploadRequests.Slots run(
      TenantContext tenant, String caseId, UploadRequests.Request request) {
    validate(request);
    StoredCase stored = cases.ownCase(tenant, caseId, "photo.request-upload");
    PhotoRounds.openRound(stored.record());
    if (stored.record().isDraft()) {
      // A new case's photos stop at the plan's storage; a sent case's later photos never do.
      allowances.requireStorageFor(
          tenant,
          directory.find(tenant.tenantId()).map(TenantRecord::plan).orElse(ClinicPlan.STANDARD),
          request.photos().stream().mapToLong(UploadRequests.Wanted::sizeBytes).sum());
    }
    String now = tenant.requestTime().toString();
    String expires = tenant.requestTime().plus(EXPIRY).toString();
    // The slots are signed once: their keys name the photo, not the case's version.
    List<UploadRequests.Slot> slots = new ArrayList<>();
    for (UploadRequests.Wanted wanted : request.photos()) {
      String photoId = UUID.randomUUID().toString();
      Optional<String> tagging = draftMedia.taggingForRawUpload();
      PresignedPutObjectRequest presigned =
          presigner.presignPutObject(
              p ->
                  p.signatureDuration(EXPIRY)
                      // Signed by the clinic's session: the URL can reach nothing outside its
                      // prefix.
                      .putObjectRequest(
                          put ->
                              put.bucket(bucket)
                                  .key(MediaKeys.raw(tenant, caseId, photoId))
                                  .overrideConfiguration(
                                      credentials.presignOverride(tenant, EXPIRY))
                                  .contentType(wanted.contentType())
                                  .contentLength(wanted.sizeBytes())
                                  .tagging(tagging.orElse(null))));
      // Every signed header must be sent as signed: the tag is one of them where it is on.
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      headers.put("Content-Type", wanted.contentType());
      headers.put("Content-Length", Long.toString(wanted.sizeBytes()));
      tagging.ifPresent(value -> headers.put("x-amz-tagging", value));
      slots.add(
          new UploadRequests.Slot(
              photoId,
              wanted.view(),
              "PUT",
              presigned.url().toString(),
              Map.copyOf(headers),
              expires));
    }
    long version = recordSlots(tenant, caseId, stored, request.photos(), slots, now);
    audit.wrote(
        tenant, "photo.request-upload", AuditResource.ofPatient("case", caseId, tenant.subject()));
    return new UploadRequests.Slots(caseId, version, slots);
  }

  /**
   * Puts the slots on the case, one conditional write on the version read. Another write may come
   * first: the same patient choosing two photos at once, each card asking for its own slot. Then
   * the case is read again and the slots applied to it once more, so both requests succeed.
   */
  private long recordSlots(
      TenantContext tenant,
      String caseId,
      StoredCase first,
      List<UploadRequests.Wanted> photos,
      List<UploadRequests.Slot> slots,
      String now) {
    StoredCase stored = first;
    for (int attempt = 1; ; attempt++) {
      int round = PhotoRounds.openRound(stored.record());
      CaseRecord next = stored.record();
      for (int i = 0; i < slots.size(); i++) {
        UploadRequests.Slot slot = slots.get(i);
        UploadRequests.Wanted wanted = photos.get(i);
        next =
            next.withPhoto(
                CaseRecord.photoKey(slot.view(), round),
                new CaseRecord.PhotoRecord(
                    slot.photoId(),
                    slot.view(),
                    "AWAITING_UPLOAD",
                    wanted.contentType(),
                    wanted.sizeBytes(),
                    now,
                    null,
                    null,
                    List.of(),
                    false,
                    null,
                    null,
                    null,
                    false,
                    wanted.dermoscopy()),
                now,
                "photo requested: " + slot.view());
      }
      try {
        return cases.save(tenant, next, stored.version());
      } catch (VersionConflictException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new ApiProblem(
              409, ProblemTypes.CONFLICT, "Conflict", "The case changed meanwhile; try again.");
        }
        stored = cases.ownCase(tenant, caseId, "photo.request-upload");
      }
    }
  }

  /** Dermoscopy facts belong to a dermoscopic photo only; the device is a short single line. */
  private static void checkDermoscopy(
      String at, UploadRequests.Wanted w, List<ApiProblem.FieldError> errors) {
    if (!PhotoViews.DERMOSCOPIC.equals(w.view())) {
      errors.add(new ApiProblem.FieldError(at, "only a dermoscopic photo has dermoscopy facts"));
    }
    String device = w.dermoscopy().device();
    if (device != null && (device.isBlank() || device.length() > DermoscopyFacts.DEVICE_MAX)) {
      errors.add(
          new ApiProblem.FieldError(
              at + "/device", "must be 1-" + DermoscopyFacts.DEVICE_MAX + " characters"));
    } else {
      NameText.check(at + "/device", device).ifPresent(errors::add);
    }
  }

  private void validate(UploadRequests.Request request) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (request.photos() == null || request.photos().isEmpty()) {
      errors.add(new ApiProblem.FieldError("/photos", "ask for at least one photo"));
    } else {
      Set<String> views = new HashSet<>();
      for (int i = 0; i < request.photos().size(); i++) {
        UploadRequests.Wanted w = request.photos().get(i);
        String at = "/photos/" + i;
        if (w == null) {
          errors.add(new ApiProblem.FieldError(at, "must be an object"));
          continue;
        }
        if (w.view() == null || PhotoViews.parse(w.view()).isEmpty()) {
          errors.add(
              new ApiProblem.FieldError(
                  at + "/view", "must be close_up, context, oblique or dermoscopic"));
        } else if (!views.add(w.view())) {
          errors.add(new ApiProblem.FieldError(at + "/view", "one photo per view"));
        }
        if (w.dermoscopy() != null) {
          checkDermoscopy(at + "/dermoscopy", w, errors);
        }
        if (w.contentType() == null || !CONTENT_TYPES.contains(w.contentType())) {
          errors.add(
              new ApiProblem.FieldError(
                  at + "/contentType", "must be image/jpeg, image/png or image/webp"));
        }
        if (w.sizeBytes() == null || w.sizeBytes() < MIN_BYTES || w.sizeBytes() > maxBytes) {
          errors.add(
              new ApiProblem.FieldError(
                  at + "/sizeBytes",
                  "must be between " + MIN_BYTES + " and " + maxBytes + " bytes"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Some fields are invalid: "
              + String.join(", ", errors.stream().map(ApiProblem.FieldError::pointer).toList())
              + ".",
          errors);
    }
  }
}
