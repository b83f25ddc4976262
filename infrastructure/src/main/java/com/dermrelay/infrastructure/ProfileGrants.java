package com.dermrelay.infrastructure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Turns each function's {@link FunctionProfile} into statements on its own role. One place for
 * every compute stack ({@link ApiFunctionsStack}, {@link WorkflowStack}), so an access kind means
 * the same grant wherever the function lives; every statement names the one resource it concerns.
 */
final class ProfileGrants {

  /**
   * What the grants point at.
   *
   * @param workflowArns the ARN (predicted from its fixed name) of each workflow the functions are
   *     told of, in {@link WorkflowTasks#ALL} order: the case workflow always, the others where
   *     they are deployed; a workflow's {@link WorkflowTasks#grants()} apply to it
   */
  record Targets(
      StageConfig config,
      DataStack data,
      String userPoolArn,
      Map<WorkflowTasks, String> workflowArns) {
    Targets {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(userPoolArn, "userPoolArn");
      workflowArns = Collections.unmodifiableMap(new LinkedHashMap<>(workflowArns));
    }
  }

  private ProfileGrants() {}

  /**
   * The cross-tenant lookups (functions' TenantDirectory) on the function's own role: items by
   * their exact keys (one, or several in a batch), and Query on the two directory indexes only; the
   * table's key through DynamoDB.
   */
  private static void grantDirectoryLookups(Functions.DeployedFunction deployed, DataStack data) {
    String table = data.table().getTableArn();
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("TenantDirectoryItems")
                // BatchGetItem: several exact keys in one request (a dermatologist's memberships
                // for the merged worklist), nothing GetItem could not read one by one.
                .actions(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem"))
                .resources(List.of(table))
                .build());
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("TenantDirectoryIndexes")
                .actions(List.of("dynamodb:Query"))
                .resources(
                    List.of(table + "/index/" + CaseTable.GSI1, table + "/index/" + CaseTable.GSI2))
                .build());
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("TenantDirectoryKey")
                .actions(List.of("kms:Decrypt", "kms:DescribeKey"))
                .resources(List.of(data.dataKey().getKeyArn()))
                .conditions(
                    Map.of(
                        "StringEquals",
                        Map.of(
                            "kms:ViaService",
                            "dynamodb."
                                + Stack.of(deployed.role()).getRegion()
                                + ".amazonaws.com")))
                .build());
  }

  /**
   * A person's own items (functions' core.data.UserTable: a dermatologist's licences) on the
   * function's own role: read and write items whose partition is {@code USER#...} only, no delete
   * (removal is a tombstone); the table's key through DynamoDB. Which user's partition is the
   * functions' to choose, from the verified token.
   */
  private static void grantUserRecords(Functions.DeployedFunction deployed, DataStack data) {
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("UserOwnItems")
                .actions(List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"))
                .resources(List.of(data.table().getTableArn()))
                .conditions(
                    Map.of(
                        "ForAllValues:StringLike",
                        Map.of("dynamodb:LeadingKeys", List.of("USER#*"))))
                .build());
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("UserOwnItemsKey")
                .actions(
                    List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"))
                .resources(List.of(data.dataKey().getKeyArn()))
                .conditions(
                    Map.of(
                        "StringEquals",
                        Map.of(
                            "kms:ViaService",
                            "dynamodb."
                                + Stack.of(deployed.role()).getRegion()
                                + ".amazonaws.com")))
                .build());
  }

  /**
   * Grants each function of {@code functions} what its {@link FunctionProfile} asks, on {@code to}.
   */
  static void grant(Functions functions, Targets to) {
    DataStack data = to.data();
    for (Functions.DeployedFunction deployed : functions.all()) {
      FunctionProfile profile = deployed.profile();
      if (profile.has(FunctionProfile.Access.TABLE_READ)
          || profile.has(FunctionProfile.Access.TABLE_WRITE)) {
        NagSuppression.suppressMatching(
            deployed.role(),
            "AwsSolutions-IAM5",
            List.of(
                "Resource::.*CasesTable[A-Za-z0-9]+.*\\/index\\/\\*",
                "Action::kms:(ReEncrypt|GenerateDataKey)\\*"),
            "CDK's table grant: the data layer queries this table's own indexes (gsi1, gsi2), and the "
                + "KMS actions apply to the table's customer key alone");
      }
      if (profile.has(FunctionProfile.Access.MEDIA_READ)
          || profile.has(FunctionProfile.Access.MEDIA_WRITE)
          || profile.has(FunctionProfile.Access.MEDIA_DELETE)) {
        NagSuppression.suppressMatching(
            deployed.role(),
            "AwsSolutions-IAM5",
            List.of(
                "Resource::.*MediaBucket[A-Za-z0-9]+.*\\/\\*",
                "Action::s3:(GetObject|GetBucket|List|Abort|DeleteObject)\\*",
                "Action::kms:(ReEncrypt|GenerateDataKey)\\*"),
            "CDK's bucket grants: photos are objects under <tenantId>/cases/<caseId>/, keys the "
                + "functions build from the tenant context, so the grant is on the bucket's objects; "
                + "the KMS actions apply to the bucket's customer key alone");
      }
      if (profile.has(FunctionProfile.Access.TABLE_READ)) {
        data.table().grantReadData(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.TABLE_WRITE)) {
        data.table().grantWriteData(deployed.role());
        deployed.role().addToPrincipalPolicy(AuditAppendOnly.denyChanges(data.table()));
      }
      if (profile.has(FunctionProfile.Access.DIRECTORY_READ)) {
        grantDirectoryLookups(deployed, data);
      }
      if (profile.has(FunctionProfile.Access.USER_RECORDS)) {
        grantUserRecords(deployed, data);
      }
      if (profile.has(FunctionProfile.Access.MEDIA_READ)
          || profile.has(FunctionProfile.Access.MEDIA_WRITE)) {
        NagSuppression.suppressMatching(
            deployed.role(),
            "AwsSolutions-IAM5",
            List.of(
                "Resource::.*MediaBucket[A-Za-z0-9]+.*\\/\\*",
                "Action::s3:(GetObject|GetBucket|List|Abort|PutObject|DeleteObject)\\*"),
            "CDK's bucket grant: objects are per tenant and per case under one bucket, so the grant is on "
                + "the media bucket's objects; keys are built from the tenant context (TenantContext)");
      }
      if (profile.has(FunctionProfile.Access.MEDIA_READ)) {
        data.mediaBucket().grantRead(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.MEDIA_WRITE)) {
        data.mediaBucket().grantPut(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.MEDIA_DELETE)) {
        data.mediaBucket().grantDelete(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.MEDIA_TAG)) {
        NagSuppression.suppressMatching(
            deployed.role(),
            "AwsSolutions-IAM5",
            List.of("Resource::.*MediaBucket[A-Za-z0-9]+.*\\/\\*"),
            "Tags are set on the objects of one case, keys the function builds from the tenant context, "
                + "so the grant is on the media bucket's objects; tagging only, no reads or writes");
        deployed
            .role()
            .addToPrincipalPolicy(
                PolicyStatement.Builder.create()
                    .sid("TagCasePhotos")
                    .actions(List.of("s3:PutObjectTagging"))
                    .resources(List.of(data.mediaBucket().arnForObjects("*")))
                    .build());
      }
      // Starting a workflow or ending its waits: only on workflows that exist where the function
      // runs
      // (without one, the function is not told its ARN either).
      to.workflowArns()
          .forEach(
              (workflow, arn) -> {
                for (WorkflowTasks.Grant grant : workflow.grants()) {
                  if (profile.has(grant.kind())) {
                    String resource = arn;
                    if (grant.onExecutions()) {
                      resource = workflow.executionsArnIn(Stack.of(deployed.role()), to.config());
                      NagSuppression.suppressMatching(
                          deployed.role(),
                          "AwsSolutions-IAM5",
                          List.of("Resource::.*:execution:.*:\\*"),
                          "A case's execution is named by its clinic and case, found at run time;"
                              + " the grant covers the executions of this one state machine");
                    }
                    deployed
                        .role()
                        .addToPrincipalPolicy(
                            PolicyStatement.Builder.create()
                                .sid(grant.sid())
                                .actions(grant.actions())
                                .resources(List.of(resource))
                                .build());
                  }
                }
              });
      if (profile.has(FunctionProfile.Access.EHR_CREDENTIALS)) {
        EhrCredentials.grant(deployed, to.config(), data.dataKey());
      }
      if (profile.has(FunctionProfile.Access.EHR_LINK_KEY)) {
        EhrLinkKey.grant(deployed, to.config(), data.dataKey());
      }
      if (profile.has(FunctionProfile.Access.USER_LOOKUP)) {
        deployed
            .role()
            .addToPrincipalPolicy(
                PolicyStatement.Builder.create()
                    .sid("UserPoolLookup")
                    .actions(List.of("cognito-idp:ListUsers"))
                    .resources(List.of(to.userPoolArn()))
                    .build());
      }
      if (profile.has(FunctionProfile.Access.NOTIFY)) {
        NagSuppression.suppressMatching(
            deployed.role(),
            "AwsSolutions-IAM5",
            List.of(
                "Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity\\/\\*"),
            "A stage without a mail domain sends from any identity verified in the account (the SES "
                + "sandbox, see Notifications); stages with a domain are limited to it");
        Notifications.grantSend(deployed.role(), to.config());
      }
      if (profile.has(FunctionProfile.Access.USER_ADMIN)) {
        deployed
            .role()
            .addToPrincipalPolicy(
                PolicyStatement.Builder.create()
                    .sid("UserPoolAdmin")
                    // Named, not Admin*: no AdminDeleteUser, AdminInitiateAuth or
                    // AdminSetUserSettings.
                    .actions(
                        List.of(
                            "cognito-idp:AdminCreateUser",
                            "cognito-idp:AdminSetUserPassword",
                            "cognito-idp:AdminAddUserToGroup",
                            "cognito-idp:AdminGetUser",
                            "cognito-idp:AdminUpdateUserAttributes",
                            "cognito-idp:AdminDisableUser"))
                    .resources(List.of(to.userPoolArn()))
                    .build());
      }
      if (profile.has(FunctionProfile.Access.HEALTH_PROBES)) {
        deployed
            .role()
            .addToPrincipalPolicy(
                PolicyStatement.Builder.create()
                    .sid("HealthProbes")
                    .actions(List.of("dynamodb:DescribeTable"))
                    .resources(List.of(data.table().getTableArn()))
                    .build());
        deployed
            .role()
            .addToPrincipalPolicy(
                PolicyStatement.Builder.create()
                    .sid("HealthProbeBucket")
                    // HeadBucket is authorized as s3:ListBucket.
                    .actions(List.of("s3:ListBucket"))
                    .resources(List.of(data.mediaBucket().getBucketArn()))
                    .build());
        deployed
            .role()
            .addToPrincipalPolicy(
                PolicyStatement.Builder.create()
                    .sid("HealthProbeStepFunctions")
                    // ListStateMachines has no resource-level permissions.
                    .actions(List.of("states:ListStateMachines"))
                    .resources(List.of("*"))
                    .build());
      }
    }
  }
}
