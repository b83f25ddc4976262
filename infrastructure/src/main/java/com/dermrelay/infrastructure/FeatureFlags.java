package com.dermrelay.infrastructure;

import java.util.Map;

/**
 * CDK feature flags the app relies on. They are set in code rather than only in cdk.json so that a
 * synth without the CDK CLI (exec:java, tests) behaves the same; context from the CLI still takes
 * precedence.
 */
final class FeatureFlags {

  /**
   * Grant S3 log delivery through the target's bucket policy instead of the LogDeliveryWrite ACL,
   * which cannot coexist with BUCKET_OWNER_ENFORCED (ACLs disabled).
   */
  static final String ACCESS_LOGS_USE_BUCKET_POLICY =
      "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

  static final Map<String, Object> DEFAULTS = Map.of(ACCESS_LOGS_USE_BUCKET_POLICY, true);

  private FeatureFlags() {}
}
