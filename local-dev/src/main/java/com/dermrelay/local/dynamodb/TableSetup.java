package com.dermrelay.local.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the platform's single table as the CDK app defines it (infrastructure's CaseTable):
 * {@code pk}/{@code sk} and two overloaded indexes, {@code gsi1} and {@code gsi2}. Safe to call on
 * every start: an existing table (kept with --data) is left as it is.
 */
public final class TableSetup {
  public static final List<String> INDEXES = List.of("gsi1", "gsi2");

  private TableSetup() {}

  public static void ensureTable(DynamoDbClient dynamoDb, String tableName) {
    try {
      dynamoDb.createTable(
          r ->
              r.tableName(tableName)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      string("pk"), string("sk"),
                      string("gsi1pk"), string("gsi1sk"),
                      string("gsi2pk"), string("gsi2sk"))
                  .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                  .globalSecondaryIndexes(INDEXES.stream().map(TableSetup::index).toList()));
    } catch (ResourceInUseException alreadyThere) {
      // Kept from an earlier run with --data.
    }
    dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(tableName));
  }

  private static GlobalSecondaryIndex index(String name) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(key(name + "pk", KeyType.HASH), key(name + "sk", KeyType.RANGE))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
