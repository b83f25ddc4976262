package com.dermrelay.infrastructure;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetTlsPolicy;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.ses.SuppressionReasons;
import software.constructs.Construct;

/**
 * How functions reach people: e-mail through SES (a configuration set that requires TLS and keeps
 * the account's suppression list, and the sender domain's identity with DKIM when one is
 * configured) and SMS through SNS. Messages say only that something changed and link to the portal;
 * they never carry health data, since neither channel is end-to-end protected.
 */
public final class Notifications extends Construct {

  private final StageConfig config;
  private final ConfigurationSet configurationSet;
  private final String identityArn;

  public Notifications(Construct scope, String id, StageConfig config) {
    super(scope, id);
    this.config = config;
    this.configurationSet =
        ConfigurationSet.Builder.create(this, "ConfigurationSet")
            .configurationSetName(configurationSetName(config))
            .tlsPolicy(ConfigurationSetTlsPolicy.REQUIRE)
            .reputationMetrics(true)
            .sendingEnabled(true)
            .suppressionReasons(SuppressionReasons.BOUNCES_AND_COMPLAINTS)
            .build();
    config
        .senderDomain()
        .ifPresent(
            domain ->
                EmailIdentity.Builder.create(this, "SenderDomain")
                    .identity(Identity.domain(domain))
                    .configurationSet(configurationSet)
                    .build());
    this.identityArn = identityArn(Stack.of(this), config);
  }

  static String configurationSetName(StageConfig config) {
    return config.resourcePrefix() + "-notifications";
  }

  /**
   * The stage's sender domain identity; with no domain, any identity verified in the account (the
   * SES sandbox).
   */
  private static String identityArn(Stack stack, StageConfig config) {
    return stack.formatArn(
        software.amazon.awscdk.ArnComponents.builder()
            .service("ses")
            .resource("identity")
            .resourceName(config.senderDomain().orElse("*"))
            .build());
  }

  /**
   * Lets {@code grantee} send e-mail from the sender identity through the configuration set, and
   * SMS.
   */
  public void grantSend(IGrantable grantee) {
    grantSend(Stack.of(this), grantee, config);
  }

  /**
   * The same grant by the stage's names alone, for a role of a stack that cannot refer to this one
   * (the workflow stacks lie below the API stack that holds the configuration set; the capability
   * stacks above it are granted the same way, so that no function's grant refers to another stack).
   */
  public static void grantSend(IRole role, StageConfig config) {
    grantSend(Stack.of(role), role, config);
  }

  private static void grantSend(Stack stack, IGrantable grantee, StageConfig config) {
    String configurationSetArn =
        stack.formatArn(
            software.amazon.awscdk.ArnComponents.builder()
                .service("ses")
                .resource("configuration-set")
                .resourceName(configurationSetName(config))
                .build());
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("SendEmail")
                .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
                .resources(List.of(identityArn(stack, config), configurationSetArn))
                .build());
    // SMS goes to phone numbers, which are not resources: SNS accepts only "*" for them.
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("SendSms")
                .actions(List.of("sns:Publish"))
                .resources(List.of("*"))
                .build());
  }

  public ConfigurationSet configurationSet() {
    return configurationSet;
  }

  public String identityArn() {
    return identityArn;
  }
}
