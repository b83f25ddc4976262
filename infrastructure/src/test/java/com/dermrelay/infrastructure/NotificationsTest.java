package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

class NotificationsTest {

  @Test
  void eMailGoesThroughAConfigurationSetThatRequiresTls() {
    SynthesizedStage.dev()
        .api
        .hasResourceProperties(
            "AWS::SES::ConfigurationSet",
            Map.of(
                "Name", "dermrelay-dev-notifications",
                "DeliveryOptions", Map.of("TlsPolicy", "REQUIRE"),
                "SuppressionOptions", Map.of("SuppressedReasons", List.of("BOUNCE", "COMPLAINT"))));
  }

  @Test
  void aConfiguredSenderDomainBecomesAnSesIdentity() {
    SynthesizedStage.dev().api.resourceCountIs("AWS::SES::EmailIdentity", 0);
    SynthesizedStage.prod()
        .api
        .hasResourceProperties(
            "AWS::SES::EmailIdentity",
            Map.of(
                "EmailIdentity",
                SynthesizedStage.PROD_SENDER_DOMAIN,
                "ConfigurationSetAttributes",
                Map.of("ConfigurationSetName", Match.anyValue())));
  }

  @Test
  void grantSendAllowsSesFromTheIdentityThroughTheSetAndSmsPublish() {
    Stack stack = new Stack(new App(), "NotificationsFixture");
    StageConfig config =
        new StageConfig(
            "dev",
            Optional.empty(),
            Optional.empty(),
            List.of(PortalOrigins.DEFAULT),
            List.of(),
            Optional.of("mail.example.com"));
    Notifications notifications = new Notifications(stack, "Notifications", config);
    Role role =
        Role.Builder.create(stack, "Delivery")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .build();
    notifications.grantSend(role);
    Object identity =
        Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":identity/mail.example.com"))));
    // By name, the same the configuration set is created with: a role in another stack gets the
    // same grant.
    Object configurationSet =
        Map.of(
            "Fn::Join",
            List.of(
                "", Match.arrayWith(List.of(":configuration-set/dermrelay-dev-notifications"))));
    Object email =
        Match.objectLike(
            Map.of(
                "Sid", "SendEmail",
                "Action", List.of("ses:SendEmail", "ses:SendRawEmail"),
                "Resource", List.of(identity, configurationSet)));
    Object sms =
        Match.objectLike(Map.of("Sid", "SendSms", "Action", "sns:Publish", "Resource", "*"));
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", List.of(email, sms))));
  }
}
