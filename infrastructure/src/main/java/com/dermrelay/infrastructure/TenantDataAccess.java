package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The role a function assumes to act for one tenant. The session must carry the tag
 * {@value TenantScopedAccessPolicy#TENANT_TAG} (and no other), and the role's only policy is
 * {@link TenantScopedAccessPolicy#forTaggedSession()}: whatever the caller does, the session reaches
 * only that tenant's items and objects. A caller may narrow it further with a session policy from
 * {@link TenantScopedAccessPolicy#forTenant}.
 */
public final class TenantDataAccess extends Construct {

  static final Duration MAX_SESSION = Duration.hours(1);

  private final Role role;

  /** @param callers the function roles allowed to assume it (at least one) */
  public TenantDataAccess(Construct scope, String id, ITable table, IBucket media, IKey dataKey,
      List<IRole> callers) {
    super(scope, id);
    if (callers.isEmpty()) {
      throw new IllegalArgumentException("The tenant data role needs at least one caller");
    }
    TenantScopedAccessPolicy policy = new TenantScopedAccessPolicy(new TenantScopedAccessPolicy.Resources(
        table.getTableArn(), media.getBucketArn(), dataKey.getKeyArn(), Stack.of(this).getRegion()));
    this.role = Role.Builder.create(this, "Role")
        .description("DermRelay: one tenant's data, chosen by the session tag "
            + TenantScopedAccessPolicy.TENANT_TAG)
        .assumedBy(callers.get(0))
        .maxSessionDuration(MAX_SESSION)
        .inlinePolicies(Map.of("tenant-scoped-data", PolicyDocument.fromJson(policy.forTaggedSession())))
        .build();
    // The trust policy CDK writes for assumedBy has no conditions; replace it with one that admits
    // only tagged sessions (exactly the tenant tag, non-empty) from the caller roles.
    PolicyDocument trust = PolicyDocument.Builder.create().statements(List.of(PolicyStatement.Builder.create()
        .sid("TaggedSessionsOnly")
        .effect(Effect.ALLOW)
        .principals(callers.stream().map(r -> (IPrincipal) new ArnPrincipal(r.getRoleArn())).toList())
        .actions(List.of("sts:AssumeRole", "sts:TagSession"))
        .conditions(Map.of(
            "StringLike", Map.of("aws:RequestTag/" + TenantScopedAccessPolicy.TENANT_TAG, "?*"),
            "ForAllValues:StringEquals", Map.of("aws:TagKeys", List.of(TenantScopedAccessPolicy.TENANT_TAG))))
        .build())).build();
    ((CfnRole) role.getNode().getDefaultChild()).setAssumeRolePolicyDocument(trust);
    NagSuppression.suppressMatching(role, "AwsSolutions-IAM5", List.of(
        "Resource::.*CasesTable[A-Za-z0-9]+.*\\/index\\/\\*",
        "Resource::.*MediaBucket[A-Za-z0-9]+.*\\/<aws:PrincipalTag\\/tenantId>\\/\\*"),
        "Scoped by the session's tenant tag: the table's own indexes under dynamodb:LeadingKeys, and the "
            + "objects under the tenant's prefix (TenantScopedAccessPolicy, tested)");
    NagSuppression.suppress(role, "HIPAA.Security-IAMNoInlinePolicy",
        "The tenant-scoped policy belongs to this role alone and is generated and tested as one document "
            + "(TenantScopedAccessPolicy); a managed policy would be the same statements under a second name");
    for (IRole caller : callers) {
      caller.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("sts:AssumeRole", "sts:TagSession"))
          .resources(List.of(role.getRoleArn()))
          .build());
    }
  }

  public IRole role() {
    return role;
  }
}
