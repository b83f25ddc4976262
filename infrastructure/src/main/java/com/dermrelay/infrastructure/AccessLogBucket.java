package com.dermrelay.infrastructure;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The target bucket for S3 server access logs of the stage's data buckets (who read or wrote which
 * photo object, independent of CloudTrail data events). S3 delivers access logs only to a bucket
 * with SSE-S3 default encryption, so this bucket cannot use the customer key; the log records hold
 * object keys (tenant and case ids), not health data. It has no access logs of its own (that would
 * loop); cdk-nag's AwsSolutions-S1 already exempts a bucket that is a log target.
 */
public final class AccessLogBucket extends Construct {

  private final Bucket bucket;

  public AccessLogBucket(Construct scope, String id) {
    super(scope, id);
    this.bucket =
        Bucket.Builder.create(this, "Bucket")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            // With ACLs disabled, CDK grants the S3 logging service through the bucket policy.
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("abort-incomplete-multipart-uploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        // Versioning guards against deletion; old versions need not live forever.
                        .noncurrentVersionExpiration(Duration.days(90))
                        .build()))
            .versioned(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    NagSuppression.suppress(
        bucket,
        "HIPAA.Security-S3DefaultEncryptionKMS",
        "S3 delivers server access logs only to SSE-S3 buckets; the records hold object keys, not health data");
    NagSuppression.suppress(
        bucket,
        "HIPAA.Security-S3BucketReplicationEnabled",
        "Access logs stay in the region of the data they describe (data residency); versioned and retained");
  }

  public IBucket bucket() {
    return bucket;
  }
}
