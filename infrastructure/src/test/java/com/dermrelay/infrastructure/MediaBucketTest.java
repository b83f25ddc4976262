package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class MediaBucketTest {

  private static final String BUCKET = "AWS::S3::Bucket";
  private static final String POLICY = "AWS::S3::BucketPolicy";

  private final SynthesizedStage dev = SynthesizedStage.dev();

  @Test
  void encryptsWithTheCustomerKeyAndBucketKeys() {
    dev.assertProperties(
        dev.data.mediaBucket(),
        Map.of(
            "BucketEncryption",
            Map.of(
                "ServerSideEncryptionConfiguration",
                List.of(
                    Map.of(
                        "BucketKeyEnabled",
                        true,
                        "ServerSideEncryptionByDefault",
                        Map.of(
                            "SSEAlgorithm",
                            "aws:kms",
                            "KMSMasterKeyID",
                            dev.arnOf(dev.data.dataKey())))))));
  }

  @Test
  void blocksAllPublicAccessOnEveryBucket() {
    Map<String, Map<String, Object>> buckets = dev.template.findResources(BUCKET);
    assertEquals(2, buckets.size(), "the media bucket and its access log bucket");
    dev.template.allResourcesProperties(
        BUCKET,
        Map.of(
            "PublicAccessBlockConfiguration",
            Map.of(
                "BlockPublicAcls", true,
                "BlockPublicPolicy", true,
                "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true)));
  }

  @Test
  void everyBucketPolicyDeniesRequestsWithoutTls() {
    dev.template.resourceCountIs(POLICY, 2);
    dev.template.allResourcesProperties(
        POLICY,
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Effect",
                                "Deny",
                                "Principal",
                                Map.of("AWS", "*"),
                                "Action",
                                "s3:*",
                                "Condition",
                                Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    dev.template.hasResourceProperties(
        POLICY,
        Map.of(
            "Bucket", dev.refTo(dev.data.mediaBucket()),
            "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Effect",
                                    "Deny",
                                    "Condition",
                                    Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2)))))))));
  }

  @Test
  void isVersionedWithAclsDisabled() {
    dev.assertProperties(
        dev.data.mediaBucket(),
        Map.of(
            "VersioningConfiguration", Map.of("Status", "Enabled"),
            "OwnershipControls",
                Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))));
  }

  @Test
  void logsAccessToTheSseS3AccessLogBucket() {
    String logBucket = logBucketLogicalId();
    dev.assertProperties(
        dev.data.mediaBucket(),
        Map.of(
            "LoggingConfiguration",
            Map.of(
                "DestinationBucketName",
                Map.of("Ref", logBucket),
                "LogFilePrefix",
                MediaBucket.ACCESS_LOG_PREFIX)));
    // S3 delivers access logs only to an SSE-S3 bucket.
    Map<String, Object> logProps = properties(logBucket);
    assertEquals(
        Map.of(
            "ServerSideEncryptionConfiguration",
            List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
        logProps.get("BucketEncryption"));
    // ACLs are disabled there too, so the log delivery grant must be in its bucket policy.
    dev.template.hasResourceProperties(
        POLICY,
        Map.of(
            "Bucket", Map.of("Ref", logBucket),
            "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Effect", "Allow",
                                    "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                                    "Action", "s3:PutObject")))))));
  }

  @Test
  void everyBucketAbortsIncompleteMultipartUploadsAfterOneDay() {
    dev.template.allResourcesProperties(
        BUCKET,
        Map.of(
            "LifecycleConfiguration",
            Map.of(
                "Rules",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "AbortIncompleteMultipartUpload",
                                Map.of("DaysAfterInitiation", 1),
                                "Status",
                                "Enabled")))))));
  }

  @Test
  void aDraftsPhotosExpireByTagAfterTheDraftAndLeaveNoOldVersion() {
    dev.assertProperties(
        dev.data.mediaBucket(),
        Map.of(
            "LifecycleConfiguration",
            Map.of(
                "Rules",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Id",
                                "expire-draft-photos",
                                "TagFilters",
                                List.of(Map.of("Key", "draft", "Value", "true")),
                                "ExpirationInDays",
                                35,
                                "NoncurrentVersionExpiration",
                                Map.of("NoncurrentDays", 1),
                                "Status",
                                "Enabled")))))));
    assertTrue(MediaBucket.DRAFT_OBJECT_DAYS > 30, "after the draft's own 30 days");
  }

  @Test
  void theCopiesBehindEhrMediaLinksExpireByTagADayAfterTheLongestLink() {
    dev.assertProperties(
        dev.data.mediaBucket(),
        Map.of(
            "LifecycleConfiguration",
            Map.of(
                "Rules",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Id",
                                "expire-ehr-media-copies",
                                "TagFilters",
                                List.of(Map.of("Key", "ehr-media", "Value", "true")),
                                "ExpirationInDays",
                                8,
                                "NoncurrentVersionExpiration",
                                Map.of("NoncurrentDays", 1),
                                "Status",
                                "Enabled")))))));
    assertTrue(
        MediaBucket.EHR_MEDIA_COPY_DAYS * 24 >= 168 + 24,
        "a copy refreshed daily outlives a 168 h link");
  }

  @Test
  void everyBucketIsRetained() {
    dev.template.allResources(
        BUCKET, Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
  }

  @Test
  void corsAllowsBrowserUploadsFromTheDefaultOrigin() {
    dev.assertProperties(
        dev.data.mediaBucket(),
        Map.of(
            "CorsConfiguration",
            Map.of(
                "CorsRules",
                List.of(
                    Map.of(
                        "AllowedOrigins", List.of(PortalOrigins.DEFAULT),
                        "AllowedMethods", List.of("PUT", "POST"),
                        "ExposedHeaders", List.of("ETag"))))));
  }

  @Test
  void corsAllowsExactlyTheOriginsFromContext() {
    SynthesizedStage prod = SynthesizedStage.prod();
    prod.assertProperties(
        prod.data.mediaBucket(),
        Map.of(
            "CorsConfiguration",
            Map.of(
                "CorsRules",
                List.of(
                    Map.of(
                        "AllowedOrigins",
                            List.of(SynthesizedStage.PROD_ORIGIN_1, SynthesizedStage.PROD_ORIGIN_2),
                        "AllowedMethods", List.of("PUT", "POST"))))));
  }

  private String logBucketLogicalId() {
    String media = dev.logicalId(dev.data.mediaBucket());
    List<String> others =
        dev.template.findResources(BUCKET).keySet().stream()
            .filter(id -> !id.equals(media))
            .toList();
    assertEquals(1, others.size(), "exactly one bucket besides the media bucket: " + others);
    return others.get(0);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> properties(String logicalId) {
    Map<String, Object> resource = dev.template.findResources(BUCKET).get(logicalId);
    assertTrue(
        resource != null && resource.get("Properties") instanceof Map,
        "no properties for " + logicalId);
    return (Map<String, Object>) resource.get("Properties");
  }
}
