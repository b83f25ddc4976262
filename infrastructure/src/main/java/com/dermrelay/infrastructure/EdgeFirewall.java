package com.dermrelay.infrastructure;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.constructs.Construct;

/**
 * The web ACL in front of the portal and the API (CloudFront scope, so it lives in us-east-1):
 * AWS's managed rule groups for common exploits, known bad inputs and IP reputation, and a
 * per-address rate limit. Its log group keeps only the rule that matched and the request's
 * metadata; the {@code authorization} and {@code cookie} headers are redacted, and WAF never logs
 * bodies.
 */
public final class EdgeFirewall extends Construct {

  /**
   * Requests per client IP in any 5-minute window before WAF blocks it (a clinic's NAT stays well
   * below).
   */
  static final int RATE_LIMIT_PER_5_MINUTES = 2000;

  static final List<String> MANAGED_RULE_GROUPS =
      List.of(
          "AWSManagedRulesCommonRuleSet",
          "AWSManagedRulesKnownBadInputsRuleSet",
          "AWSManagedRulesAmazonIpReputationList");

  /** WAF requires its log groups to be named so. */
  static final String LOG_GROUP_PREFIX = "aws-waf-logs-";

  private final CfnWebACL webAcl;
  private final LogGroup logs;

  public EdgeFirewall(Construct scope, String id, StageConfig config) {
    super(scope, id);
    String name = config.stackPrefix() + "-edge";
    List<Object> rules = new ArrayList<>();
    int priority = 0;
    for (String group : MANAGED_RULE_GROUPS) {
      rules.add(
          CfnWebACL.RuleProperty.builder()
              .name(group)
              .priority(priority++)
              .statement(
                  CfnWebACL.StatementProperty.builder()
                      .managedRuleGroupStatement(
                          CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                              .vendorName("AWS")
                              .name(group)
                              .build())
                      .build())
              .overrideAction(
                  CfnWebACL.OverrideActionProperty.builder().none(java.util.Map.of()).build())
              .visibilityConfig(visibility(group))
              .build());
    }
    rules.add(
        CfnWebACL.RuleProperty.builder()
            .name("RatePerClientIp")
            .priority(priority)
            .statement(
                CfnWebACL.StatementProperty.builder()
                    .rateBasedStatement(
                        CfnWebACL.RateBasedStatementProperty.builder()
                            .limit(RATE_LIMIT_PER_5_MINUTES)
                            .aggregateKeyType("IP")
                            .evaluationWindowSec(300)
                            .build())
                    .build())
            .action(
                CfnWebACL.RuleActionProperty.builder()
                    .block(CfnWebACL.BlockActionProperty.builder().build())
                    .build())
            .visibilityConfig(visibility("RatePerClientIp"))
            .build());

    this.webAcl =
        CfnWebACL.Builder.create(this, "WebAcl")
            .name(name)
            .description("DermRelay " + config.stage() + ": portal and API at the edge")
            .scope("CLOUDFRONT")
            .defaultAction(
                CfnWebACL.DefaultActionProperty.builder()
                    .allow(CfnWebACL.AllowActionProperty.builder().build())
                    .build())
            .rules(rules)
            .visibilityConfig(visibility(name))
            .build();

    this.logs =
        LogGroup.Builder.create(this, "Logs")
            .logGroupName(LOG_GROUP_PREFIX + name)
            .retention(RetentionDays.ONE_YEAR)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    NagSuppression.suppress(
        logs,
        "HIPAA.Security-CloudWatchLogGroupEncrypted",
        "WAF logs hold request metadata only (the authorization and cookie headers redacted, no bodies); "
            + "a customer key would have to live in us-east-1 beside this log group for no data worth it");
    CfnLoggingConfiguration.Builder.create(this, "Logging")
        .resourceArn(webAcl.getAttrArn())
        .logDestinationConfigs(List.of(logs.getLogGroupArn()))
        .redactedFields(
            List.of(
                CfnLoggingConfiguration.FieldToMatchProperty.builder()
                    .singleHeader(java.util.Map.of("Name", "authorization"))
                    .build(),
                CfnLoggingConfiguration.FieldToMatchProperty.builder()
                    .singleHeader(java.util.Map.of("Name", "cookie"))
                    .build()))
        .build();
  }

  private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
    return CfnWebACL.VisibilityConfigProperty.builder()
        .cloudWatchMetricsEnabled(true)
        .metricName(metric.replaceAll("[^A-Za-z0-9]", ""))
        .sampledRequestsEnabled(true)
        .build();
  }

  public CfnWebACL webAcl() {
    return webAcl;
  }

  public LogGroup logs() {
    return logs;
  }
}
