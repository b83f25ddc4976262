package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Who may sign in, per region: the user pool, the portal's app client and the pool's pre-sign-up
 * trigger. Kept apart from the API stack because accounts are state (retained,
 * deletion-protected) while the API is replaceable. The trigger lives here, not with the API's
 * functions, because the pool names it: a pool in one stack calling a function of the stack
 * that reads the pool's id would be a cycle.
 */
public final class IdentityStack extends Stack {

  public static final String USER_POOL_ID_OUTPUT = "UserPoolId";
  public static final String PORTAL_CLIENT_ID_OUTPUT = "PortalClientId";
  /** The functions' pre-sign-up trigger (local-dev's LocalStack runs the same class). */
  public static final String PRE_SIGN_UP_HANDLER = "com.dermrelay.tenants.PreSignUpTriggerHandler";

  private final PortalUserPool users;
  private final Functions triggers;

  public IdentityStack(Construct scope, String id, StackProps props, StageConfig config, DataStack data,
      DeploymentJars jars, String version) {
    super(scope, id, props);
    this.users = new PortalUserPool(this, "Users", config);

    // Only what the trigger reads: the clinic directory in the table.
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(Functions.ENV_TABLE, data.table().getTableName());
    environment.put(Functions.ENV_VERSION, version);
    environment.put(Functions.ENV_SERVICE_NAME, Functions.SERVICE_NAME);
    OperationsKey logKey = new OperationsKey(this, "OperationsKey", config);
    this.triggers = new Functions(this, "Triggers", jars,
        Map.of(PRE_SIGN_UP_HANDLER, Functions.Caller.USER_POOL_TRIGGER), environment, logKey.key());
    Functions.DeployedFunction preSignUp = triggers.forHandler(PRE_SIGN_UP_HANDLER);
    if (!preSignUp.profile().access().equals(java.util.Set.of(FunctionProfile.Access.TABLE_READ))) {
      throw new IllegalStateException("The pre-sign-up trigger is granted table reads only; its profile asks "
          + preSignUp.profile().access());
    }
    data.table().grantReadData(preSignUp.role());
    NagSuppression.suppressMatching(preSignUp.role(), "AwsSolutions-IAM5", List.of(
        "Resource::.*CasesTable[A-Za-z0-9]+.*\\/index\\/\\*"),
        "CDK's table read grant: the trigger finds clinics through the table's own indexes");
    // The alias: SnapStart applies to published versions, and Cognito waits five seconds at most.
    users.runBeforeSignUp(preSignUp.alias());

    CfnOutput.Builder.create(this, USER_POOL_ID_OUTPUT).value(users.userPool().getUserPoolId())
        .description("The Cognito user pool of this region").build();
    CfnOutput.Builder.create(this, PORTAL_CLIENT_ID_OUTPUT).value(users.portalClient().getUserPoolClientId())
        .description("The portal's app client (no secret)").build();
  }

  public PortalUserPool users() {
    return users;
  }

  /** The pool's trigger functions. */
  public Functions triggers() {
    return triggers;
  }
}
