package com.dermrelay.core.data;

import com.dermrelay.core.config.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClientExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The platform's one table (decision 0008) on the DynamoDB Enhanced Client (decision 0018), and the
 * only holder of the container's {@link DynamoDbClient}. Use cases get a tenant-scoped view of it
 * per record type ({@link #tenantTable}); the directory lookups that must run before any tenant
 * context exists get {@link #crossTenantReads}, the one way to read outside a tenant.
 *
 * <p>Every record type brings a {@link TableSchema} built without reflection ({@code
 * StaticImmutableTableSchema}, a static field of its store); the item schema around it (keys,
 * {@code tenantId}, {@code version}) is made once per record type and kept here. Each call runs on
 * an Enhanced Client over that call's request override (the tenant's STS session in AWS): the
 * Enhanced Client's requests take none of their own ({@link OverriddenDynamoDb}). The extensions:
 * {@link VersionedRecordExtension} (optimistic locking on {@code version}) and {@link
 * ExpiredItemsExtension} (items past {@code expiresAt} read as absent).
 */
@Singleton
public final class SingleTable {
  private static final TableSchema<TableItem<Void>> KEYS_ONLY = TableItem.keysOnly();

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final ObjectMapper json;
  private final Clock clock;
  private final TenantCredentials credentials;
  private final List<DynamoDbEnhancedClientExtension> extensions;
  private final Map<TableSchema<?>, TableSchema<?>> itemSchemas = new ConcurrentHashMap<>();

  @Inject
  public SingleTable(
      DynamoDbClient dynamoDb,
      Settings settings,
      ObjectMapper json,
      Clock clock,
      TenantCredentials credentials) {
    this.dynamoDb = dynamoDb;
    this.tableName = settings.tableName();
    this.json = json;
    this.clock = clock;
    this.credentials = credentials;
    this.extensions =
        List.of(VersionedRecordExtension.builder().build(), new ExpiredItemsExtension(clock));
  }

  /** The acting tenant's items of one record type: the only way use cases reach the table. */
  public <T> TenantTable<T> tenantTable(TableSchema<T> recordSchema) {
    return new TenantTable<>(this, itemSchema(recordSchema));
  }

  /** The signed-in user's own items of one record type ({@code USER#<sub>}): see UserTable. */
  public <T> UserTable<T> userTable(TableSchema<T> recordSchema) {
    return new UserTable<>(this, itemSchema(recordSchema));
  }

  /**
   * Reads outside any tenant context, on the function's own role: for the directory ({@code
   * core.tenancy.TenantDirectory}) only.
   */
  public <T> CrossTenantReads<T> crossTenantReads(TableSchema<T> recordSchema) {
    return new CrossTenantReads<>(this, itemSchema(recordSchema));
  }

  /** Whether an item exists outside any tenant context, reading its keys only (see above). */
  public CrossTenantReads<Void> crossTenantKeys() {
    return new CrossTenantReads<>(this, KEYS_ONLY);
  }

  /**
   * Whether the table is ACTIVE (DescribeTable: no item is read), with {@code override} on the
   * request: the health check's time bound, or the SnapStart priming's stop before transmission.
   */
  public boolean active(AwsRequestOverrideConfiguration override) {
    return enhanced(override).table(tableName, KEYS_ONLY).describeTable().table().tableStatus()
        == TableStatus.ACTIVE;
  }

  @SuppressWarnings("unchecked")
  private <T> TableSchema<TableItem<T>> itemSchema(TableSchema<T> recordSchema) {
    return (TableSchema<TableItem<T>>) itemSchemas.computeIfAbsent(recordSchema, TableItem::schema);
  }

  /** The table as {@code schema} maps it, for one call made with {@code override}. */
  <T> DynamoDbTable<TableItem<T>> mapped(
      TableSchema<TableItem<T>> schema, AwsRequestOverrideConfiguration override) {
    return enhanced(override).table(tableName, schema);
  }

  /** The Enhanced Client for one call made with {@code override}: batch reads. */
  DynamoDbEnhancedClient enhanced(AwsRequestOverrideConfiguration override) {
    // A few small objects per call: the Enhanced Client and its table hold no connection or state.
    return DynamoDbEnhancedClient.builder()
        .dynamoDbClient(new OverriddenDynamoDb(dynamoDb, override))
        .extensions(extensions)
        .build();
  }

  /**
   * The low-level client, for the atomic counters' one UpdateItem each (TenantTable, RateCounters).
   */
  DynamoDbClient client() {
    return dynamoDb;
  }

  String tableName() {
    return tableName;
  }

  ObjectMapper json() {
    return json;
  }

  Clock clock() {
    return clock;
  }

  TenantCredentials credentials() {
    return credentials;
  }
}
