package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class EdgeFirewallTest {

  private static final String DISTRIBUTION = "AWS::CloudFront::Distribution";

  private final SynthesizedStage prod = SynthesizedStage.prod();

  private Template edge() {
    return Template.fromStack(prod.stacks.edge().orElseThrow());
  }

  @Test
  void theWebAclLivesInUsEast1ForCloudFront() {
    EdgeStack stack = prod.stacks.edge().orElseThrow();
    assertEquals(EdgeStack.EDGE_REGION, Stack.of(stack).getRegion());
    assertEquals("dermrelay-prod-eu-central-1-edge", stack.getStackName());
    edge()
        .hasResourceProperties(
            "AWS::WAFv2::WebACL",
            Map.of("Scope", "CLOUDFRONT", "DefaultAction", Map.of("Allow", Map.of())));
  }

  @Test
  void theManagedRuleGroupsAndAPerAddressRateLimitBlock() {
    for (String group : EdgeFirewall.MANAGED_RULE_GROUPS) {
      edge()
          .hasResourceProperties(
              "AWS::WAFv2::WebACL",
              Map.of(
                  "Rules",
                  Match.arrayWith(
                      List.of(
                          Match.objectLike(
                              Map.of(
                                  "Name",
                                  group,
                                  "OverrideAction",
                                  Map.of("None", Map.of()),
                                  "Statement",
                                  Map.of(
                                      "ManagedRuleGroupStatement",
                                      Map.of("VendorName", "AWS", "Name", group))))))));
    }
    edge()
        .hasResourceProperties(
            "AWS::WAFv2::WebACL",
            Map.of(
                "Rules",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Action",
                                Map.of("Block", Map.of()),
                                "Statement",
                                Map.of(
                                    "RateBasedStatement",
                                    Map.of(
                                        "AggregateKeyType",
                                        "IP",
                                        "Limit",
                                        EdgeFirewall.RATE_LIMIT_PER_5_MINUTES,
                                        "EvaluationWindowSec",
                                        300))))))));
  }

  @Test
  void wafLogsRedactTheTokenAndCookies() {
    edge()
        .hasResourceProperties(
            "AWS::Logs::LogGroup",
            Map.of("LogGroupName", "aws-waf-logs-dermrelay-prod-eu-central-1-edge"));
    edge()
        .hasResourceProperties(
            "AWS::WAFv2::LoggingConfiguration",
            Map.of(
                "RedactedFields",
                List.of(
                    Map.of("SingleHeader", Map.of("Name", "authorization")),
                    Map.of("SingleHeader", Map.of("Name", "cookie")))));
  }

  @Test
  void thePortalDistributionIsBehindTheWebAclWhereTheRegionIsKnown() {
    prod.portal.hasResourceProperties(
        DISTRIBUTION,
        Map.of("DistributionConfig", Match.objectLike(Map.of("WebACLId", Match.anyValue()))));
    // Environment-agnostic: no region to reference across, so no edge stack (a synth-only case).
    assertTrue(SynthesizedStage.dev().stacks.edge().isEmpty());
  }

  @Test
  void theApiIsServedThroughTheSameDistributionUncachedWithTheCallersToken() {
    assertEquals(
        List.of(
            "/clinics/*",
            "/diagnoses",
            "/ehr-media/*",
            "/health",
            "/invitations/*",
            "/me",
            "/me/*",
            "/platform/*",
            "/public/*",
            "/worklist"),
        PortalHosting.apiPathPatterns(
            ApiSpec.load(SourcePaths.locate().openApiSpec()).operations()));
    prod.portal.hasResourceProperties(
        DISTRIBUTION,
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of(
                    "CacheBehaviors",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "PathPattern", "/clinics/*",
                                    "ViewerProtocolPolicy", "https-only",
                                    "AllowedMethods",
                                        List.of(
                                            "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST",
                                            "DELETE")))))))));
    prod.portal.hasResourceProperties(
        "AWS::CloudFront::CachePolicy",
        Map.of(
            "CachePolicyConfig",
            Match.objectLike(
                Map.of(
                    "DefaultTTL",
                    0,
                    "MinTTL",
                    0,
                    "ParametersInCacheKeyAndForwardedToOrigin",
                    Match.objectLike(
                        Map.of(
                            "HeadersConfig",
                            Map.of(
                                "HeaderBehavior",
                                "whitelist",
                                "Headers",
                                List.of("Authorization"))))))));
  }
}
