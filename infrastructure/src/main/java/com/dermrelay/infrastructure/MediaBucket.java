package com.dermrelay.infrastructure;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The bucket for patients' skin photos, stored under tenant-prefixed keys. Browsers upload straight
 * to it with presigned PUT URLs or POST forms, hence the CORS rule limited to the portal origins.
 * Photos are health data: customer-key encryption, TLS only, no public access, versioned so an
 * overwrite or delete can be recovered, and retained when the stack goes.
 */
public final class MediaBucket extends Construct {

  static final String ACCESS_LOG_PREFIX = "media/";

  /** Browsers may cache the CORS preflight this long (seconds). */
  static final int CORS_MAX_AGE_SECONDS = 3000;

  /** A draft lives 30 days from its creation; its photos, written later, 35 days from theirs. */
  static final int DRAFT_OBJECT_DAYS = 35;

  /**
   * The copies EHR media links open (functions: fhir.media.EhrMediaCopies, tag {@code
   * ehr-media=true}) live the longest link (7 days) plus one; the functions copy again any copy
   * older than a day.
   */
  static final int EHR_MEDIA_COPY_DAYS = 8;

  private final Bucket bucket;

  public MediaBucket(Construct scope, String id, StageConfig config, IKey key, IBucket accessLogs) {
    super(scope, id);
    this.bucket =
        Bucket.Builder.create(this, "Bucket")
            .encryption(BucketEncryption.KMS)
            .encryptionKey(key)
            // Bucket keys cut KMS requests (and cost) for many small objects by orders of
            // magnitude.
            .bucketKeyEnabled(true)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .minimumTlsVersion(1.2)
            .versioned(true)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .serverAccessLogsBucket(accessLogs)
            .serverAccessLogsPrefix(ACCESS_LOG_PREFIX)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("abort-incomplete-multipart-uploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build(),
                    draftPhotosExpire(),
                    ehrMediaCopiesExpire()))
            .cors(List.of(uploadCors(config.portalOrigins())))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    NagSuppression.suppress(
        bucket,
        "HIPAA.Security-S3BucketReplicationEnabled",
        "Cross-region replication would copy photos out of the tenant's region (data residency); S3 stores "
            + "them across availability zones, and versioning recovers overwrites and deletes");
  }

  /**
   * A draft's photos go with the draft (functions: uploads.DraftMedia): objects tagged {@code
   * draft=true} expire {@link #DRAFT_OBJECT_DAYS} days after they were written, which is after
   * their draft's 30 days; the version kept by versioning goes a day later, so no copy of an
   * abandoned draft's photo stays.
   */
  private static LifecycleRule draftPhotosExpire() {
    return LifecycleRule.builder()
        .id("expire-draft-photos")
        .tagFilters(java.util.Map.of("draft", "true"))
        .expiration(Duration.days(DRAFT_OBJECT_DAYS))
        .noncurrentVersionExpiration(Duration.days(1))
        .build();
  }

  /**
   * The short-lived copies behind EHR media links go {@link #EHR_MEDIA_COPY_DAYS} days after they
   * were written.
   */
  private static LifecycleRule ehrMediaCopiesExpire() {
    return LifecycleRule.builder()
        .id("expire-ehr-media-copies")
        .tagFilters(java.util.Map.of("ehr-media", "true"))
        .expiration(Duration.days(EHR_MEDIA_COPY_DAYS))
        .noncurrentVersionExpiration(Duration.days(1))
        .build();
  }

  public IBucket bucket() {
    return bucket;
  }

  private static CorsRule uploadCors(List<String> origins) {
    return CorsRule.builder()
        .id("portal-uploads")
        .allowedOrigins(origins)
        .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.POST))
        // Presigned PUTs sign Content-Type and may carry checksum or SSE headers.
        .allowedHeaders(List.of("content-type", "content-md5", "x-amz-*"))
        // Multipart uploads need each part's ETag in the browser.
        .exposedHeaders(List.of("ETag"))
        .maxAge(CORS_MAX_AGE_SECONDS)
        .build();
  }
}
