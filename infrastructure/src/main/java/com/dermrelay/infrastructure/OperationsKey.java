package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The KMS key for operational data of a region: CloudWatch log groups (functions and access logs)
 * and the alarm topic. One in the identity stack, one in the API stack for its access logs and its
 * capability stacks' function logs, one in the first workflow stack for every workflow stack's logs
 * and the alarm topic. Apart from the data key so that the services writing logs and alarms never
 * get a grant on the key that protects health data.
 */
public final class OperationsKey extends Construct {

  private final Key key;

  public OperationsKey(Construct scope, String id, StageConfig config) {
    super(scope, id);
    Stack stack = Stack.of(this);
    this.key =
        Key.Builder.create(this, "Key")
            .description("DermRelay " + config.stage() + ": encrypts logs and the alarm topic")
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    // CloudWatch Logs encrypts each log group of this account and region with the key.
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("CloudWatchLogsOfThisAccount")
            .principals(
                List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
            .actions(
                List.of(
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:Describe*"))
            .resources(List.of("*"))
            .conditions(
                Map.of(
                    "ArnLike",
                    Map.of(
                        "kms:EncryptionContext:aws:logs:arn",
                        "arn:"
                            + stack.getPartition()
                            + ":logs:"
                            + stack.getRegion()
                            + ":"
                            + stack.getAccount()
                            + ":log-group:*")))
            .build());
    // CloudWatch alarms publish to the encrypted alarm topic.
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("CloudWatchAlarmsToTheTopic")
            .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
            .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
            .resources(List.of("*"))
            .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
            .build());
  }

  public IKey key() {
    return key;
  }
}
