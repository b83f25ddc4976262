package com.dermrelay.cases;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A draft's photos expire with the draft. DynamoDB's TTL drops an unsubmitted draft 30 days after
 * it was made; the media bucket's lifecycle rule (infrastructure {@code MediaBucket}) expires
 * objects tagged {@code draft=true} 35 days after they were written, which is always after their
 * draft expired (a draft's objects are written after the draft, so they expire later). The clean
 * copy and thumbnail of a draft's photo are written with the tag; submission removes it from the
 * photos the case keeps, before the case is marked submitted, so a submitted case never loses a
 * photo (a crash in between leaves untagged photos of a draft: kept, never lost).
 *
 * <p>s3proxy, the local S3, has no object tagging ({@code ?tagging} answers 501 and the {@code
 * x-amz-tagging} header is ignored), so the local stack turns this off with {@code
 * DERMRELAY_DRAFT_MEDIA_TAGS=false}; on AWS it is on unless set so.
 */
@Singleton
public final class DraftMedia {
  public static final String SETTING = "DERMRELAY_DRAFT_MEDIA_TAGS";
  public static final String TAG_KEY = "draft";
  public static final String TAGGING = TAG_KEY + "=true";

  private final S3Client s3;
  private final String bucket;
  private final boolean enabled;
  private final TenantCredentials credentials;

  @Inject
  public DraftMedia(S3Client s3, Settings settings, TenantCredentials credentials) {
    this.credentials = credentials;
    this.s3 = s3;
    this.bucket = settings.mediaBucket();
    this.enabled = !"false".equalsIgnoreCase(settings.environment().getOrDefault(SETTING, "true"));
  }

  /** The {@code x-amz-tagging} value for an object of this case written now, if any. */
  public Optional<String> taggingFor(CaseRecord c) {
    return enabled && c.isDraft() ? Optional.of(TAGGING) : Optional.empty();
  }

  /**
   * The {@code x-amz-tagging} value every presigned upload must carry, if any. A raw upload is
   * deleted once checked; one never confirmed (the patient left, the case expired) is tagged like a
   * draft's photo so the same lifecycle rule removes it, whatever happens to its case.
   */
  public Optional<String> taggingForRawUpload() {
    return enabled ? Optional.of(TAGGING) : Optional.empty();
  }

  /**
   * Takes the draft tag off the clean copies and thumbnails of the photos {@code c} keeps, so the
   * lifecycle rule leaves them; photos replaced during the draft keep it and go. Idempotent.
   */
  public void keep(TenantContext tenant, CaseRecord c) {
    if (!enabled) {
      return;
    }
    for (CaseRecord.PhotoRecord photo : c.photos().values()) {
      if (!"CHECKED".equals(photo.status())) {
        continue;
      }
      untag(tenant, MediaKeys.clean(tenant, c.caseId(), photo.photoId()));
      if (photo.thumbnailStored()) {
        untag(tenant, MediaKeys.thumbnail(tenant, c.caseId(), photo.photoId()));
      }
    }
  }

  private void untag(TenantContext tenant, String key) {
    s3.putObjectTagging(
        r ->
            r.bucket(bucket)
                .key(key)
                .overrideConfiguration(credentials.requestOverride(tenant))
                .tagging(t -> t.tagSet(java.util.List.of())));
  }
}
