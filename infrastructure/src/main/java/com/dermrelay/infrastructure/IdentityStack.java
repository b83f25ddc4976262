package com.dermrelay.infrastructure;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Who may sign in, per region: the user pool and the portal's app client. Kept apart from the API
 * stack because accounts are state (retained, deletion-protected) while the API is replaceable.
 */
public final class IdentityStack extends Stack {

  public static final String USER_POOL_ID_OUTPUT = "UserPoolId";
  public static final String PORTAL_CLIENT_ID_OUTPUT = "PortalClientId";

  private final PortalUserPool users;

  public IdentityStack(Construct scope, String id, StackProps props, StageConfig config) {
    super(scope, id, props);
    this.users = new PortalUserPool(this, "Users", config);
    CfnOutput.Builder.create(this, USER_POOL_ID_OUTPUT).value(users.userPool().getUserPoolId())
        .description("The Cognito user pool of this region").build();
    CfnOutput.Builder.create(this, PORTAL_CLIENT_ID_OUTPUT).value(users.portalClient().getUserPoolClientId())
        .description("The portal's app client (no secret)").build();
  }

  public PortalUserPool users() {
    return users;
  }
}
