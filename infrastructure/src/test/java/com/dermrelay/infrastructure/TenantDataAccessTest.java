package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * The tenant data role in a small stack of its own: the repository's handlers do not act for a tenant
 * yet, so the shared synth has no caller for it.
 */
class TenantDataAccessTest {

  private static final Fixture FIXTURE = new Fixture();

  @Test
  void onlyTheCallerRolesMayAssumeItAndOnlyWithExactlyTheTenantTag() {
    FIXTURE.template.hasResourceProperties("AWS::IAM::Role", Map.of(
        "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
            "Sid", "TaggedSessionsOnly",
            "Effect", "Allow",
            "Principal", Map.of("AWS", List.of(arn(FIXTURE.intake), arn(FIXTURE.review))),
            "Action", List.of("sts:AssumeRole", "sts:TagSession"),
            "Condition", Map.of(
                "StringLike", Map.of("aws:RequestTag/tenantId", "?*"),
                "ForAllValues:StringEquals", Map.of("aws:TagKeys", List.of("tenantId")))))),
        "MaxSessionDuration", 3600));
  }

  @Test
  void theRolesPolicyScopesEverythingByTheSessionTag() {
    Object items = Match.objectLike(Map.of(
        "Sid", "TenantItems",
        "Condition", Map.of(
            "ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of(
                "TENANT#${aws:PrincipalTag/tenantId}", "TENANT#${aws:PrincipalTag/tenantId}#*")),
            "Null", Map.of("dynamodb:LeadingKeys", "false"))));
    FIXTURE.template.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of(
        "PolicyName", "tenant-scoped-data",
        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(items))))))));
    String json = FIXTURE.template.toJSON().toString();
    assertTrue(json.contains("/${aws:PrincipalTag/tenantId}/*"), "the S3 object prefix uses the tag");
  }

  @Test
  void callersMayAssumeAndTagOnlyThisRole() {
    for (Role caller : List.of(FIXTURE.intake, FIXTURE.review)) {
      FIXTURE.template.hasResourceProperties("AWS::IAM::Policy", Map.of(
          "Roles", List.of(Map.of("Ref", FIXTURE.stack.getLogicalId((software.amazon.awscdk.CfnElement)
              caller.getNode().getDefaultChild()))),
          "PolicyDocument", Map.of("Statement", List.of(Map.of(
              "Effect", "Allow",
              "Action", List.of("sts:AssumeRole", "sts:TagSession"),
              "Resource", arn(FIXTURE.access.role()))))));
    }
  }

  private static Map<String, Object> arn(IRole role) {
    return Map.of("Fn::GetAtt", List.of(FIXTURE.stack.getLogicalId(
        (software.amazon.awscdk.CfnElement) role.getNode().getDefaultChild()), "Arn"));
  }

  private static final class Fixture {
    final Stack stack = new Stack(new App(), "TenantAccessFixture");
    final Role intake = callerRole("Intake");
    final Role review = callerRole("Review");
    final TenantDataAccess access;
    final Template template;

    Fixture() {
      Table table = Table.Builder.create(stack, "Table")
          .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build()).build();
      access = new TenantDataAccess(stack, "TenantDataAccess", table, new Bucket(stack, "Media"),
          new Key(stack, "Key"), List.of(intake, review));
      template = Template.fromStack(stack);
    }

    private Role callerRole(String id) {
      return Role.Builder.create(stack, id).assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
    }
  }
}
