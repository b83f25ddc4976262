package com.dermrelay.infrastructure;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetTlsPolicy;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.ses.SuppressionReasons;
import software.constructs.Construct;

/**
 * How functions reach people: e-mail through SES (a configuration set that requires TLS and keeps
 * the account's suppression list, and the sender domain's identity with DKIM when one is configured)
 * and SMS through SNS. Messages say only that something changed and link to the portal; they never
 * carry health data, since neither channel is end-to-end protected.
 */
public final class Notifications extends Construct {

  private final ConfigurationSet configurationSet;
  private final String identityArn;

  public Notifications(Construct scope, String id, StageConfig config) {
    super(scope, id);
    Stack stack = Stack.of(this);
    this.configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet")
        .configurationSetName(config.resourcePrefix() + "-notifications")
        .tlsPolicy(ConfigurationSetTlsPolicy.REQUIRE)
        .reputationMetrics(true)
        .sendingEnabled(true)
        .suppressionReasons(SuppressionReasons.BOUNCES_AND_COMPLAINTS)
        .build();
    if (config.senderDomain().isPresent()) {
      String domain = config.senderDomain().get();
      EmailIdentity.Builder.create(this, "SenderDomain")
          .identity(Identity.domain(domain))
          .configurationSet(configurationSet)
          .build();
      this.identityArn = stack.formatArn(software.amazon.awscdk.ArnComponents.builder()
          .service("ses").resource("identity").resourceName(domain).build());
    } else {
      // No domain configured for this stage: any identity verified in the account (the SES sandbox).
      this.identityArn = stack.formatArn(software.amazon.awscdk.ArnComponents.builder()
          .service("ses").resource("identity").resourceName("*").build());
    }
  }

  /** Lets {@code grantee} send e-mail from the sender identity through the configuration set, and SMS. */
  public void grantSend(IGrantable grantee) {
    Stack stack = Stack.of(this);
    String configurationSetArn = stack.formatArn(software.amazon.awscdk.ArnComponents.builder()
        .service("ses").resource("configuration-set")
        .resourceName(configurationSet.getConfigurationSetName()).build());
    grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("SendEmail")
        .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
        .resources(List.of(identityArn, configurationSetArn))
        .build());
    // SMS goes to phone numbers, which are not resources: SNS accepts only "*" for them.
    grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
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
