package com.dermrelay.fhir.media;

import com.dermrelay.cases.MediaKeys;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.TenantCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The short-lived copies EHR media links open: one per photo and answer round at {@code
 * <tenant>/cases/<case>/ehr-media/<round>/<photo>.jpg}, copied server-side (CopyObject) from the
 * clean photo and tagged {@value #TAGGING}, so the media bucket's lifecycle rule ({@code
 * expire-ehr-media-copies}) removes it {@value #COPY_DAYS} days after it was written: the longest
 * link (7 days) plus one. A copy is made again only when it is missing or older than a day, so
 * however often a round is sent there is one copy, and it always outlives the links to it.
 *
 * <p>s3proxy, the local S3, has no object tagging, so the local stack turns the tag off with {@code
 * DERMRELAY_EHR_MEDIA_TAGS=false}, as it does for drafts (uploads.DraftMedia).
 */
@Singleton
public final class EhrMediaCopies {
  public static final String TAG_SETTING = "DERMRELAY_EHR_MEDIA_TAGS";
  public static final String TAG_KEY = "ehr-media";
  public static final String TAGGING = TAG_KEY + "=true";

  /** What the lifecycle rule keeps a copy (infrastructure MediaBucket.EHR_MEDIA_COPY_DAYS). */
  public static final int COPY_DAYS = 8;

  /** A copy older than this is made again, so it lives at least 7 more days (any link's life). */
  static final Duration REFRESH_AFTER = Duration.ofDays(1);

  private static final String COPIED_AT = "copied-at";

  /** How long the redirect's presigned GET works: long enough to follow, too short to keep. */
  public static final Duration REDIRECT_LIFETIME = Duration.ofMinutes(5);

  private final S3Client s3;
  private final S3Presigner presigner;
  private final Clock clock;
  private final String bucket;
  private final boolean tagged;
  private final TenantCredentials credentials;

  @Inject
  public EhrMediaCopies(
      S3Client s3,
      S3Presigner presigner,
      Clock clock,
      Settings settings,
      TenantCredentials credentials) {
    this.credentials = credentials;
    this.s3 = s3;
    this.presigner = presigner;
    this.clock = clock;
    this.bucket = settings.mediaBucket();
    this.tagged =
        !"false".equalsIgnoreCase(settings.environment().getOrDefault(TAG_SETTING, "true"));
  }

  /** The copy's key; built from the tenant context, so it cannot leave the tenant's prefix. */
  public static String key(TenantContext tenant, String caseId, int round, String photoId) {
    return tenant.tenantId() + "/cases/" + caseId + "/ehr-media/" + round + "/" + photoId + ".jpg";
  }

  /** Makes the round's copy of the clean photo unless a fresh one is there; idempotent. */
  public void ensure(TenantContext tenant, String caseId, int round, String photoId) {
    String key = key(tenant, caseId, round, photoId);
    Optional<HeadObjectResponse> existing = head(tenant, key);
    Instant now = clock.instant();
    if (existing.isPresent() && copiedAt(existing.get()).plus(REFRESH_AFTER).isAfter(now)) {
      return;
    }
    String source = MediaKeys.clean(tenant, caseId, photoId);
    s3.copyObject(
        r -> {
          // On the clinic's session: the copy can neither read nor write outside its prefix.
          r.overrideConfiguration(credentials.requestOverride(tenant));
          r.sourceBucket(bucket)
              .sourceKey(source)
              .destinationBucket(bucket)
              .destinationKey(key)
              // When it was copied, by the functions' clock (the one links expire by; locally the
              // interpreter's, which tests move ahead of S3's own Last-Modified).
              .metadataDirective(MetadataDirective.REPLACE)
              .contentType("image/jpeg")
              .metadata(Map.of(COPIED_AT, now.toString()));
          if (tagged) {
            r.taggingDirective(TaggingDirective.REPLACE).tagging(TAGGING);
          }
        });
  }

  /** Whether the copy is there (the link's photo was copied and has not expired). */
  public boolean exists(TenantContext tenant, String caseId, int round, String photoId) {
    return head(tenant, key(tenant, caseId, round, photoId)).isPresent();
  }

  /** A presigned GET of the copy, valid {@link #REDIRECT_LIFETIME}. */
  public String presignedGet(TenantContext tenant, String caseId, int round, String photoId) {
    String key = key(tenant, caseId, round, photoId);
    return presigner
        .presignGetObject(
            r ->
                r.signatureDuration(REDIRECT_LIFETIME)
                    .getObjectRequest(
                        g ->
                            g.bucket(bucket)
                                .key(key)
                                .responseContentType("image/jpeg")
                                .overrideConfiguration(
                                    credentials.presignOverride(tenant, REDIRECT_LIFETIME))))
        .url()
        .toString();
  }

  private static Instant copiedAt(HeadObjectResponse copy) {
    String recorded = copy.metadata().get(COPIED_AT);
    if (recorded != null) {
      try {
        return Instant.parse(recorded);
      } catch (java.time.format.DateTimeParseException unreadable) {
        // fall back to S3's own time
      }
    }
    return copy.lastModified() == null ? Instant.EPOCH : copy.lastModified();
  }

  private Optional<HeadObjectResponse> head(TenantContext tenant, String key) {
    try {
      return Optional.of(
          s3.headObject(
              r ->
                  r.bucket(bucket)
                      .key(key)
                      .overrideConfiguration(credentials.requestOverride(tenant))));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
