package com.dermrelay.infrastructure;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * The single DynamoDB table of a stage. Every key value begins with the tenant id (single-table
 * design), so IAM can scope access with {@code dynamodb:LeadingKeys}. Two generic, overloaded GSIs
 * serve the access patterns the base keys cannot; their key values are tenant-prefixed too. They
 * project ALL so that a list read through an index needs no second fetch per item.
 */
public final class CaseTable extends Construct {

  public static final String PARTITION_KEY = "pk";
  public static final String SORT_KEY = "sk";
  public static final String GSI1 = "gsi1";
  public static final String GSI2 = "gsi2";

  /** Epoch seconds; DynamoDB deletes expired items lazily, so queries must still filter on it. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  private final Table table;

  public CaseTable(Construct scope, String id, StageConfig config, IKey key) {
    super(scope, id);
    this.table =
        Table.Builder.create(this, "Table")
            .tableName(config.resourcePrefix())
            .partitionKey(stringAttribute(PARTITION_KEY))
            .sortKey(stringAttribute(SORT_KEY))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .encryption(TableEncryption.CUSTOMER_MANAGED)
            .encryptionKey(key)
            .timeToLiveAttribute(TTL_ATTRIBUTE)
            .deletionProtection(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    table.addGlobalSecondaryIndex(overloadedIndex(GSI1));
    table.addGlobalSecondaryIndex(overloadedIndex(GSI2));
    NagSuppression.suppress(
        table,
        "HIPAA.Security-DynamoDBInBackupPlan",
        "Point-in-time recovery (35 days, per second) is the backup; an AWS Backup plan for longer "
            + "retention follows with the retention policy (docs/deploy.md)");
  }

  public ITable table() {
    return table;
  }

  private static GlobalSecondaryIndexProps overloadedIndex(String name) {
    return GlobalSecondaryIndexProps.builder()
        .indexName(name)
        .partitionKey(stringAttribute(name + "pk"))
        .sortKey(stringAttribute(name + "sk"))
        .projectionType(ProjectionType.ALL)
        .build();
  }

  private static Attribute stringAttribute(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }
}
