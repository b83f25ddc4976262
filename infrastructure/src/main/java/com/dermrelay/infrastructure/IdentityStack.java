package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Who may sign in, per region: the user pool, the portal's app client and the pool's pre-sign-up
 * and post-confirmation triggers. Kept apart from the API stack because accounts are state
 * (retained, deletion-protected) while the API is replaceable. The trigger lives here, not with the
 * API's functions, because the pool names it: a pool in one stack calling a function of the stack
 * that reads the pool's id would be a cycle.
 */
public final class IdentityStack extends Stack {

  public static final String USER_POOL_ID_OUTPUT = "UserPoolId";
  public static final String PORTAL_CLIENT_ID_OUTPUT = "PortalClientId";

  /** The functions' pre-sign-up trigger (local-dev's LocalStack runs the same class). */
  public static final String PRE_SIGN_UP_HANDLER = "com.dermrelay.tenants.PreSignUpTriggerHandler";

  /** Sets a confirmed patient's clinic and group (local-dev's LocalStack runs the same class). */
  public static final String POST_CONFIRMATION_HANDLER =
      "com.dermrelay.tenants.PostConfirmationTriggerHandler";

  /** The only pool calls the post-confirmation trigger makes. */
  static final List<String> ENROLMENT_ACTIONS =
      List.of("cognito-idp:AdminUpdateUserAttributes", "cognito-idp:AdminAddUserToGroup");

  private final PortalUserPool users;
  private final Functions triggers;

  public IdentityStack(
      Construct scope,
      String id,
      StackProps props,
      StageConfig config,
      DataStack data,
      DeploymentJars jars,
      String version) {
    super(scope, id, props);
    this.users = new PortalUserPool(this, "Users", config);

    // Only what the trigger reads: the clinic directory in the table.
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(Functions.ENV_TABLE, data.table().getTableName());
    environment.put(Functions.ENV_VERSION, version);
    environment.put(Functions.ENV_SERVICE_NAME, Functions.SERVICE_NAME);
    OperationsKey logKey = new OperationsKey(this, "OperationsKey", config);
    this.triggers =
        new Functions(
            this,
            "Triggers",
            jars,
            Map.of(
                PRE_SIGN_UP_HANDLER,
                Functions.Caller.USER_POOL_TRIGGER,
                POST_CONFIRMATION_HANDLER,
                Functions.Caller.USER_POOL_TRIGGER),
            environment,
            logKey.key());
    Functions.DeployedFunction preSignUp = triggers.forHandler(PRE_SIGN_UP_HANDLER);
    if (!preSignUp.profile().access().equals(java.util.Set.of(FunctionProfile.Access.TABLE_READ))) {
      throw new IllegalStateException(
          "The pre-sign-up trigger is granted table reads only; its profile asks "
              + preSignUp.profile().access());
    }
    data.table().grantReadData(preSignUp.role());
    NagSuppression.suppressMatching(
        preSignUp.role(),
        "AwsSolutions-IAM5",
        List.of("Resource::.*CasesTable[A-Za-z0-9]+.*\\/index\\/\\*"),
        "CDK's table read grant: the trigger finds clinics through the table's own indexes");
    // The alias: SnapStart applies to published versions, and Cognito waits five seconds at most.
    users.runBeforeSignUp(preSignUp.alias());
    wirePostConfirmation(data);

    CfnOutput.Builder.create(this, USER_POOL_ID_OUTPUT)
        .value(users.userPool().getUserPoolId())
        .description("The Cognito user pool of this region")
        .build();
    CfnOutput.Builder.create(this, PORTAL_CLIENT_ID_OUTPUT)
        .value(users.portalClient().getUserPoolClientId())
        .description("The portal's app client (no secret)")
        .build();
  }

  /**
   * The post-confirmation trigger reads the clinic directory, puts the patient's link item, and may
   * make two admin calls on this pool only. The pool names the trigger (pool -> function), so the
   * grant cannot sit in the role's default policy, which the function waits for (function -> policy
   * -> pool: a cycle). It is a managed policy of its own, attached to the role: the exact pool ARN,
   * no wildcard, no condition; it exists before any user can confirm (the pool's clients come after
   * it only in the same deployment, and a confirmation needs a sign-up first). The trigger takes
   * the pool id from Cognito's event, not from its environment, for the same reason.
   */
  private void wirePostConfirmation(DataStack data) {
    Functions.DeployedFunction postConfirmation = triggers.forHandler(POST_CONFIRMATION_HANDLER);
    if (!postConfirmation
        .profile()
        .access()
        .equals(
            java.util.Set.of(
                FunctionProfile.Access.TABLE_READ,
                FunctionProfile.Access.TABLE_WRITE,
                FunctionProfile.Access.USER_ADMIN))) {
      throw new IllegalStateException(
          "The post-confirmation trigger reads the table, records links and enrols users only; its "
              + "profile asks "
              + postConfirmation.profile().access());
    }
    data.table().grantReadData(postConfirmation.role());
    // The patient's link to the clinic (tenants.PatientLinks): one conditional PutItem, nothing
    // that changes or removes an item; and the table key's encryption for the new item.
    data.table().grant(postConfirmation.role(), "dynamodb:PutItem");
    if (data.table().getEncryptionKey() != null) {
      data.table().getEncryptionKey().grantEncrypt(postConfirmation.role());
    }
    postConfirmation.role().addToPrincipalPolicy(AuditAppendOnly.denyChanges(data.table()));
    NagSuppression.suppressMatching(
        postConfirmation.role(),
        "AwsSolutions-IAM5",
        List.of(
            "Resource::.*CasesTable[A-Za-z0-9]+.*\\/index\\/\\*",
            "Action::kms:(ReEncrypt|GenerateDataKey)\\*"),
        "CDK's table grants: the trigger finds clinics through the table's own indexes, and the KMS "
            + "actions apply to the table's customer key alone");
    // A customer-managed policy: the HIPAA rules forbid inline ones, and it is versioned.
    ManagedPolicy.Builder.create(this, "PostConfirmationEnrolment")
        .description(
            "DermRelay post-confirmation trigger: set a patient's clinic and group in this pool")
        .statements(
            List.of(
                PolicyStatement.Builder.create()
                    .actions(ENROLMENT_ACTIONS)
                    .resources(List.of(users.userPool().getUserPoolArn()))
                    .build()))
        .roles(List.of(postConfirmation.role()))
        .build();
    users.runAfterConfirmation(postConfirmation.alias());
  }

  public PortalUserPool users() {
    return users;
  }

  /** The pool's trigger functions. */
  public Functions triggers() {
    return triggers;
  }
}
