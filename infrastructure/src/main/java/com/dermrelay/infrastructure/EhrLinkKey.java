package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The HMAC key of EHR media links (functions: fhir.media.EhrLinkKey, issue 8): one random secret
 * per stage, {@code dermrelay/<stage>/ehr-link-key}, encrypted with the stage's data key, created
 * here (the functions may only read it). A function with {@link
 * FunctionProfile.Access#EHR_LINK_KEY} may read that secret alone, and is told its name.
 */
final class EhrLinkKey {
  static final String ENV_SECRET_NAME = "DERMRELAY_EHR_LINK_KEY_SECRET";

  private EhrLinkKey() {}

  static String secretName(StageConfig config) {
    return "dermrelay/" + config.stage() + "/ehr-link-key";
  }

  /** The secret, in the data stack: retained, like the data whose links it signs. */
  static Secret create(Construct scope, StageConfig config, IKey dataKey) {
    Secret secret =
        Secret.Builder.create(scope, "EhrLinkKey")
            .secretName(secretName(config))
            .description("HMAC key of the EHR media links")
            .encryptionKey(dataKey)
            .generateSecretString(
                SecretStringGenerator.builder().passwordLength(64).excludePunctuation(true).build())
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    String reason =
        "Links signed with it live up to 7 days; rotating would break links already in "
            + "clinics' records, so a new key is set by hand (docs/security.md)";
    NagSuppression.suppress(secret, "AwsSolutions-SMG4", reason);
    NagSuppression.suppress(secret, "HIPAA.Security-SecretsManagerRotationEnabled", reason);
    return secret;
  }

  static void grant(Functions.DeployedFunction deployed, StageConfig config, IKey dataKey) {
    Stack stack = Stack.of(deployed.role());
    // Secrets Manager appends "-" and six random characters to a secret's name in its ARN.
    String secret =
        stack.formatArn(
            ArnComponents.builder()
                .service("secretsmanager")
                .resource("secret")
                .resourceName(secretName(config) + "-??????")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("EhrLinkKey")
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(secret))
                .build());
    deployed
        .role()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .sid("EhrLinkKeyDecrypt")
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(dataKey.getKeyArn()))
                .conditions(
                    Map.of(
                        "StringEquals",
                        Map.of(
                            "kms:ViaService",
                            "secretsmanager." + stack.getRegion() + ".amazonaws.com")))
                .build());
    deployed.function().addEnvironment(ENV_SECRET_NAME, secretName(config));
  }
}
