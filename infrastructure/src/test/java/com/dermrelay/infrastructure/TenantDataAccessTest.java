package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Names;
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
 * The tenant data role in a small stack of its own: the repository's handlers do not act for a
 * tenant yet, so the shared synth has no caller for it.
 */
class TenantDataAccessTest {

  private static final Fixture FIXTURE = new Fixture();

  @Test
  void onlyTheMarkedCallerRolesMayAssumeItAndOnlyWithExactlyTheTenantTag() {
    String marker = Names.uniqueId(FIXTURE.access);
    FIXTURE.template.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "AssumeRolePolicyDocument",
            Map.of(
                "Statement",
                List.of(
                    Map.of(
                        "Sid", "TaggedSessionsOnly",
                        "Effect", "Allow",
                        // The account's roles, but only those marked as this role's callers
                        // (size-independent
                        // of how many functions call it; they also need the identity grant below).
                        "Principal", Match.objectLike(Map.of("AWS", Match.anyValue())),
                        "Action", List.of("sts:AssumeRole", "sts:TagSession"),
                        "Condition",
                            Map.of(
                                "StringEquals",
                                    Map.of(
                                        "aws:PrincipalTag/" + TenantDataAccess.CALLER_TAG, marker),
                                "StringLike", Map.of("aws:RequestTag/tenantId", "?*"),
                                "ForAllValues:StringEquals",
                                    Map.of("aws:TagKeys", List.of("tenantId")))))),
            "MaxSessionDuration",
            3600));
    String trust = FIXTURE.template.toJSON().toString();
    assertTrue(
        trust.contains(":root"), "the principal is the account itself, not a list of role ARNs");
    // Exactly the two callers carry the mark (the tenant data role itself and others do not).
    Map<String, Map<String, Object>> marked =
        FIXTURE.template.findResources(
            "AWS::IAM::Role",
            Map.of(
                "Properties",
                Map.of(
                    "Tags",
                    Match.arrayWith(
                        List.of(Map.of("Key", TenantDataAccess.CALLER_TAG, "Value", marker))))));
    assertEquals(
        java.util.Set.of(logicalId(FIXTURE.intake), logicalId(FIXTURE.review)), marked.keySet());
  }

  @Test
  void theRolesPolicyScopesEverythingByTheSessionTag() {
    Object items =
        Match.objectLike(
            Map.of(
                "Sid",
                "TenantItems",
                "Condition",
                Map.of(
                    "ForAllValues:StringLike",
                        Map.of(
                            "dynamodb:LeadingKeys",
                            List.of(
                                "TENANT#${aws:PrincipalTag/tenantId}",
                                "TENANT#${aws:PrincipalTag/tenantId}#*")),
                    "Null", Map.of("dynamodb:LeadingKeys", "false"))));
    FIXTURE.template.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "Policies",
            List.of(
                Map.of(
                    "PolicyName",
                    "tenant-scoped-data",
                    "PolicyDocument",
                    Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(items))))))));
    String json = FIXTURE.template.toJSON().toString();
    assertTrue(
        json.contains("/${aws:PrincipalTag/tenantId}/*"), "the S3 object prefix uses the tag");
  }

  @Test
  void callersMayAssumeAndTagOnlyThisRole() {
    for (Role caller : List.of(FIXTURE.intake, FIXTURE.review)) {
      FIXTURE.template.hasResourceProperties(
          "AWS::IAM::Policy",
          Map.of(
              "Roles",
                  List.of(
                      Map.of(
                          "Ref",
                          FIXTURE.stack.getLogicalId(
                              (software.amazon.awscdk.CfnElement)
                                  caller.getNode().getDefaultChild()))),
              "PolicyDocument",
                  Map.of(
                      "Statement",
                      List.of(
                          Map.of(
                              "Effect", "Allow",
                              "Action", List.of("sts:AssumeRole", "sts:TagSession"),
                              "Resource", arn(FIXTURE.access.role()))))));
    }
  }

  private static String logicalId(IRole role) {
    return FIXTURE.stack.getLogicalId(
        (software.amazon.awscdk.CfnElement) role.getNode().getDefaultChild());
  }

  private static Map<String, Object> arn(IRole role) {
    return Map.of(
        "Fn::GetAtt",
        List.of(
            FIXTURE.stack.getLogicalId(
                (software.amazon.awscdk.CfnElement) role.getNode().getDefaultChild()),
            "Arn"));
  }

  private static final class Fixture {
    final Stack stack = new Stack(new App(), "TenantAccessFixture");
    final Role intake = callerRole("Intake");
    final Role review = callerRole("Review");
    final TenantDataAccess access;
    final Template template;

    Fixture() {
      Table table =
          Table.Builder.create(stack, "Table")
              .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
              .build();
      access =
          new TenantDataAccess(
              stack,
              "TenantDataAccess",
              table,
              new Bucket(stack, "Media"),
              new Key(stack, "Key"),
              List.of(intake, review));
      template = Template.fromStack(stack);
    }

    private Role callerRole(String id) {
      return Role.Builder.create(stack, id)
          .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
          .build();
    }
  }
}
