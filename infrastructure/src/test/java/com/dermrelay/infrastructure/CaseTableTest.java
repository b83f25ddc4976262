package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class CaseTableTest {

  private static final String TABLE = "AWS::DynamoDB::Table";

  private final SynthesizedStage dev = SynthesizedStage.dev();

  @Test
  void isTheOnlyTableNamedForTheStage() {
    dev.template.resourceCountIs(TABLE, 1);
    dev.template.hasResourceProperties(TABLE, Map.of("TableName", "dermrelay-dev"));
    SynthesizedStage.prod()
        .template
        .hasResourceProperties(TABLE, Map.of("TableName", "dermrelay-prod"));
  }

  @Test
  void hasStringPartitionAndSortKeys() {
    dev.template.hasResourceProperties(
        TABLE,
        Map.of(
            "KeySchema", List.of(key("pk", "HASH"), key("sk", "RANGE")),
            "AttributeDefinitions",
                Match.arrayWith(List.of(stringAttribute("pk"), stringAttribute("sk")))));
  }

  @Test
  void hasExactlyTwoOverloadedIndexesProjectingAll() {
    dev.template.hasResourceProperties(
        TABLE,
        Map.of(
            "GlobalSecondaryIndexes", List.of(index("gsi1"), index("gsi2")),
            "AttributeDefinitions",
                Match.arrayWith(
                    List.of(
                        stringAttribute("gsi1pk"), stringAttribute("gsi1sk"),
                        stringAttribute("gsi2pk"), stringAttribute("gsi2sk")))));
  }

  @Test
  void isOnDemandWithPointInTimeRecoveryAndTtl() {
    dev.template.hasResourceProperties(
        TABLE,
        Map.of(
            "BillingMode", "PAY_PER_REQUEST",
            "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
            "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
            // No stream until something consumes it.
            "StreamSpecification", Match.absent()));
  }

  @Test
  void isEncryptedWithTheCustomerManagedKey() {
    dev.template.hasResourceProperties(
        TABLE,
        Map.of(
            "SSESpecification",
            Map.of(
                "SSEEnabled",
                true,
                "SSEType",
                "KMS",
                "KMSMasterKeyId",
                dev.arnOf(dev.data.dataKey()))));
  }

  @Test
  void isProtectedFromDeletionAndRetained() {
    dev.template.hasResource(
        TABLE,
        Map.of(
            "Properties", Map.of("DeletionProtectionEnabled", true),
            "DeletionPolicy", "Retain",
            "UpdateReplacePolicy", "Retain"));
  }

  private static Map<String, Object> key(String name, String type) {
    return Map.of("AttributeName", name, "KeyType", type);
  }

  private static Map<String, Object> stringAttribute(String name) {
    return Map.of("AttributeName", name, "AttributeType", "S");
  }

  private static Map<String, Object> index(String name) {
    return Map.of(
        "IndexName", name,
        "KeySchema", List.of(key(name + "pk", "HASH"), key(name + "sk", "RANGE")),
        "Projection", Map.of("ProjectionType", "ALL"));
  }
}
