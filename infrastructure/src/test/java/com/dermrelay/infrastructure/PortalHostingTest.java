package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class PortalHostingTest {

  private static final String DISTRIBUTION = "AWS::CloudFront::Distribution";

  private final SynthesizedStage dev = SynthesizedStage.dev();

  @Test
  void theFilesBucketIsPrivateAndReadOnlyByTheDistributionThroughOriginAccessControl() {
    dev.portal.allResourcesProperties(
        "AWS::S3::Bucket",
        Map.of(
            "PublicAccessBlockConfiguration",
            Map.of(
                "BlockPublicAcls",
                true,
                "BlockPublicPolicy",
                true,
                "IgnorePublicAcls",
                true,
                "RestrictPublicBuckets",
                true)));
    dev.portal.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    dev.portal.hasResourceProperties(
        DISTRIBUTION,
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of(
                    "Origins",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of("OriginAccessControlId", Match.anyValue()))))))));
    dev.portal.hasResourceProperties(
        "AWS::S3::BucketPolicy",
        Map.of(
            "Bucket", dev.refTo(dev.stacks.portal().hosting().bucket()),
            "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Effect", "Allow",
                                    "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                                    "Action", "s3:GetObject")))))));
  }

  @Test
  void servesIndexHtmlHttpsOnlyAndRewritesPatientRoutesAtTheEdge() {
    dev.portal.hasResourceProperties(
        DISTRIBUTION,
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of(
                    "DefaultRootObject", "index.html",
                    "DefaultCacheBehavior",
                        Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https")),
                    "CacheBehaviors",
                        Match.arrayWith(
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "PathPattern", "/c/*",
                                        "ViewerProtocolPolicy", "redirect-to-https",
                                        "FunctionAssociations",
                                            List.of(
                                                Match.objectLike(
                                                    Map.of("EventType", "viewer-request")))))))))));
    dev.portal.hasResourceProperties(
        "AWS::CloudFront::Function",
        Map.of("FunctionConfig", Match.objectLike(Map.of("Runtime", "cloudfront-js-2.0"))));
    assertTrue(PortalHosting.PATIENT_ROUTES_CODE.contains("/patient/index.html"));
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    dev.portal.hasResourceProperties(
        "AWS::CloudFront::ResponseHeadersPolicy",
        Map.of(
            "ResponseHeadersPolicyConfig",
            Match.objectLike(
                Map.of(
                    "SecurityHeadersConfig",
                    Map.of(
                        "ContentSecurityPolicy",
                            Map.of("ContentSecurityPolicy", Match.anyValue(), "Override", true),
                        "StrictTransportSecurity",
                            Map.of(
                                "AccessControlMaxAgeSec",
                                730 * 86400,
                                "IncludeSubdomains",
                                true,
                                "Preload",
                                true,
                                "Override",
                                true),
                        "ContentTypeOptions", Map.of("Override", true),
                        "FrameOptions", Map.of("FrameOption", "DENY", "Override", true),
                        "ReferrerPolicy",
                            Map.of(
                                "ReferrerPolicy",
                                "strict-origin-when-cross-origin",
                                "Override",
                                true))))));
  }

  @Test
  void theContentSecurityPolicyForbidsFramingAndForeignScripts() {
    String csp = PortalHosting.contentSecurityPolicy("eu-central-1");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("script-src 'self';"), csp);
    assertTrue(csp.contains("object-src 'none'"), csp);
    assertTrue(csp.contains("https://cognito-idp.eu-central-1.amazonaws.com"), csp);
    assertTrue(csp.contains("https://*.execute-api.eu-central-1.amazonaws.com"), csp);
  }

  @Test
  void logsCloudFrontAndBucketAccessToTheRetainedLogBucket() {
    dev.portal.hasResourceProperties(
        DISTRIBUTION,
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of("Logging", Match.objectLike(Map.of("Prefix", "cloudfront/"))))));
    dev.portal.allResources("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain"));
  }
}
