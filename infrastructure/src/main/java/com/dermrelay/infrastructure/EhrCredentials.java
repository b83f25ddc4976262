package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Where a clinic's EHR credentials live (issue 8): Secrets Manager secrets named {@code
 * dermrelay/<stage>/tenants/<tenantId>/...}, encrypted with the stage's data key, never in the
 * tenant configuration. A function with {@link FunctionProfile.Access#EHR_CREDENTIALS} may read,
 * create and replace those secrets and no others, and is told the prefix and the key.
 */
final class EhrCredentials {

  private EhrCredentials() {}

  /** The name prefix of every EHR credential secret of {@code config}'s stage. */
  static String secretPrefix(StageConfig config) {
    return "dermrelay/" + config.stage() + "/tenants/";
  }

  static void grant(Functions.DeployedFunction deployed, StageConfig config, IKey dataKey) {
    Stack stack = Stack.of(deployed.role());
    String secrets =
        stack.formatArn(
            ArnComponents.builder()
                .service("secretsmanager")
                .resource("secret")
                .resourceName(secretPrefix(config) + "*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("EhrCredentials")
                // No DeleteSecret, no rotation, no resource policies: a clinic replaces its
                // credentials.
                .actions(
                    List.of(
                        "secretsmanager:GetSecretValue",
                        "secretsmanager:PutSecretValue",
                        "secretsmanager:CreateSecret",
                        "secretsmanager:DescribeSecret"))
                .resources(List.of(secrets))
                .build());
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("EhrCredentialsKey")
                .actions(List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"))
                .resources(List.of(dataKey.getKeyArn()))
                // Through Secrets Manager only: the role cannot use the data key on anything else.
                .conditions(
                    Map.of(
                        "StringEquals",
                        Map.of(
                            "kms:ViaService",
                            "secretsmanager." + stack.getRegion() + ".amazonaws.com")))
                .build());
    deployed.function().addEnvironment(Functions.ENV_EHR_SECRET_PREFIX, secretPrefix(config));
    deployed.function().addEnvironment(Functions.ENV_EHR_SECRET_KEY_ARN, dataKey.getKeyArn());
    NagSuppression.suppressMatching(
        deployed.role(),
        "AwsSolutions-IAM5",
        List.of(
            "Resource::arn:<AWS::Partition>:secretsmanager:.+:secret:dermrelay\\/"
                + config.stage()
                + "\\/tenants\\/\\*"),
        "One secret per clinic, created when its admin first saves credentials, so the names are known only "
            + "as the stage's tenants/ prefix; Secrets Manager appends a random suffix to every secret ARN");
  }
}
