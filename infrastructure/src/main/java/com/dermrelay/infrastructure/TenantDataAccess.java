package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The role a function assumes to act for one tenant. The session must carry the tag {@value
 * TenantScopedAccessPolicy#TENANT_TAG} (and no other), and the role's only policy is {@link
 * TenantScopedAccessPolicy#forTaggedSession()}: whatever the caller does, the session reaches only
 * that tenant's items and objects. A caller may narrow it further with a session policy from {@link
 * TenantScopedAccessPolicy#forTenant}.
 */
public final class TenantDataAccess extends Construct {

  static final Duration MAX_SESSION = Duration.hours(1);

  /**
   * The tag that marks a caller role: its value names this role. The trust policy admits the
   * account's roles that carry it (and that an identity policy lets assume this role), rather than
   * listing each caller's ARN: a stack's API functions would not fit a trust policy's size limit
   * (2,048 characters by default) as a list of ARNs.
   */
  static final String CALLER_TAG = "dermrelay:tenant-data-caller";

  private final Role role;

  /**
   * @param callers the function roles allowed to assume it (at least one)
   */
  public TenantDataAccess(
      Construct scope, String id, ITable table, IBucket media, IKey dataKey, List<IRole> callers) {
    super(scope, id);
    if (callers.isEmpty()) {
      throw new IllegalArgumentException("The tenant data role needs at least one caller");
    }
    TenantScopedAccessPolicy policy =
        new TenantScopedAccessPolicy(
            new TenantScopedAccessPolicy.Resources(
                table.getTableArn(),
                media.getBucketArn(),
                dataKey.getKeyArn(),
                Stack.of(this).getRegion()));
    this.role =
        Role.Builder.create(this, "Role")
            .description(
                "DermRelay: one tenant's data, chosen by the session tag "
                    + TenantScopedAccessPolicy.TENANT_TAG)
            .assumedBy(new AccountPrincipal(Stack.of(this).getAccount()))
            .maxSessionDuration(MAX_SESSION)
            .inlinePolicies(
                Map.of("tenant-scoped-data", PolicyDocument.fromJson(policy.forTaggedSession())))
            .build();
    // The trust policy CDK writes for assumedBy has no conditions; replace it with one that admits
    // only tagged sessions (exactly the tenant tag, non-empty) from roles of this account marked
    // as callers of this role (CALLER_TAG), which also need the identity grant below.
    String marker = Names.uniqueId(this);
    PolicyDocument trust =
        PolicyDocument.Builder.create()
            .statements(
                List.of(
                    PolicyStatement.Builder.create()
                        .sid("TaggedSessionsOnly")
                        .effect(Effect.ALLOW)
                        .principals(List.of(new AccountPrincipal(Stack.of(this).getAccount())))
                        .actions(List.of("sts:AssumeRole", "sts:TagSession"))
                        .conditions(
                            Map.of(
                                "StringEquals", Map.of("aws:PrincipalTag/" + CALLER_TAG, marker),
                                "StringLike",
                                    Map.of(
                                        "aws:RequestTag/" + TenantScopedAccessPolicy.TENANT_TAG,
                                        "?*"),
                                "ForAllValues:StringEquals",
                                    Map.of(
                                        "aws:TagKeys",
                                        List.of(TenantScopedAccessPolicy.TENANT_TAG))))
                        .build()))
            .build();
    ((CfnRole) role.getNode().getDefaultChild()).setAssumeRolePolicyDocument(trust);
    NagSuppression.suppressMatching(
        role,
        "AwsSolutions-IAM5",
        List.of(
            "Resource::.*CasesTable[A-Za-z0-9]+.*\\/index\\/\\*",
            "Resource::.*MediaBucket[A-Za-z0-9]+.*\\/<aws:PrincipalTag\\/tenantId>\\/\\*"),
        "Scoped by the session's tenant tag: the table's own indexes under dynamodb:LeadingKeys, and the "
            + "objects under the tenant's prefix (TenantScopedAccessPolicy, tested)");
    NagSuppression.suppress(
        role,
        "HIPAA.Security-IAMNoInlinePolicy",
        "The tenant-scoped policy belongs to this role alone and is generated and tested as one document "
            + "(TenantScopedAccessPolicy); a managed policy would be the same statements under a second name");
    for (IRole caller : callers) {
      Tags.of(caller).add(CALLER_TAG, marker);
      caller.addToPrincipalPolicy(
          PolicyStatement.Builder.create()
              .actions(List.of("sts:AssumeRole", "sts:TagSession"))
              .resources(List.of(role.getRoleArn()))
              .build());
    }
  }

  /**
   * The role for the functions of {@code functions} whose profile asks for {@link
   * FunctionProfile.Access#TENANT_SESSION}, or null when none does. Only those functions learn its
   * ARN: the data layer uses tenant sessions exactly when the variable is set
   * (core.data.TenantCredentials). One per compute stack: the trust policy names its callers'
   * roles, which a role in another stack could not without a cycle.
   */
  static TenantDataAccess forSessionsOf(
      Construct scope, String id, Functions functions, DataStack data) {
    List<Functions.DeployedFunction> callers =
        functions.all().stream()
            .filter(d -> d.profile().has(FunctionProfile.Access.TENANT_SESSION))
            .toList();
    if (callers.isEmpty()) {
      return null;
    }
    TenantDataAccess access =
        new TenantDataAccess(
            scope,
            id,
            data.table(),
            data.mediaBucket(),
            data.dataKey(),
            callers.stream().map(d -> (IRole) d.role()).toList());
    callers.forEach(
        d ->
            d.function().addEnvironment(Functions.ENV_TENANT_ROLE_ARN, access.role().getRoleArn()));
    access.role().addToPrincipalPolicy(AuditAppendOnly.denyChanges(data.table()));
    NagSuppression.suppress(
        access.role(),
        "HIPAA.Security-IAMNoInlinePolicy",
        "The audit trail's explicit deny (AuditAppendOnly) belongs to this role alone, beside its tested "
            + "tenant-scoped policy; a managed policy would be the same statements under a second name");
    return access;
  }

  public IRole role() {
    return role;
  }
}
