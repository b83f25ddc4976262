package com.dermrelay.core.data;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The tenant-scoped view of the single table, and the only one use cases get. Every method takes
 * the {@link TenantContext}, and every partition key (table and indexes) is built from it as
 * {@code TENANT#<tenantId>[#<partition>]}: there is no way to pass a raw key, and a cursor that
 * comes back from a client is refused unless it lies inside the acting tenant.
 *
 * <p>Writes are single-item and conditional: {@link #putIfAbsent} for appends under deterministic
 * keys (a retry finds its own item and does nothing), {@link #putVersioned} for state with a
 * {@code version} attribute. Items past their {@code expiresAt} (epoch seconds; DynamoDB's TTL
 * deletes them later, dynalite never) are treated as gone.
 */
@Singleton
public final class TenantItems {
  /** The table's and indexes' key attributes. */
  private static final Set<String> KEYS = Set.of("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk");
  /** Attributes only this class writes: keys, the tenant id and the version. */
  private static final Set<String> RESERVED = union(KEYS, Set.of("tenantId", "version"));
  public static final String VERSION = "version";
  public static final String EXPIRES_AT = "expiresAt";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ObjectMapper json;
  private final Clock clock;
  private final TenantCredentials credentials;

  @Inject
  public TenantItems(DynamoDbClient dynamoDb, Settings settings, ObjectMapper json, Clock clock,
      TenantCredentials credentials) {
    this.credentials = credentials;
    this.dynamoDb = dynamoDb;
    this.table = settings.tableName();
    this.json = json;
    this.clock = clock;
  }

  /** The tenant's partition-key prefix; documentation and tests, not for building keys outside. */
  public static String tenantPrefix(TenantContext tenant) {
    return "TENANT#" + tenant.tenantId();
  }

  static String partitionKey(TenantContext tenant, String partition) {
    return partition.isEmpty() ? tenantPrefix(tenant) : tenantPrefix(tenant) + "#" + partition;
  }

  public Optional<Map<String, AttributeValue>> get(TenantContext tenant, ItemKey key) {
    Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
        .overrideConfiguration(as(tenant)).consistentRead(true).key(key(tenant, key))).item();
    if (item == null || item.isEmpty() || expired(item)) {
      return Optional.empty();
    }
    return Optional.of(item);
  }

  /**
   * Writes the item only if no item has its key: the append of a record under a deterministic
   * key. Returns false when it was already there (a retry), leaving it untouched.
   */
  public boolean putIfAbsent(TenantContext tenant, ItemKey key, Map<String, AttributeValue> attributes,
      IndexKey... indexKeys) {
    Map<String, AttributeValue> item = item(tenant, key, attributes, indexKeys);
    item.put(VERSION, AttributeValue.fromN("1"));
    try {
      dynamoDb.putItem(r -> r.tableName(table).overrideConfiguration(as(tenant)).item(item)
          .conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Replaces the item if its version is still {@code expectedVersion} (0: it must not exist yet)
   * and stores it as {@code expectedVersion + 1}.
   *
   * @throws VersionConflictException if another write came first
   */
  public long putVersioned(TenantContext tenant, ItemKey key, Map<String, AttributeValue> attributes,
      long expectedVersion, IndexKey... indexKeys) {
    Map<String, AttributeValue> item = item(tenant, key, attributes, indexKeys);
    long next = expectedVersion + 1;
    item.put(VERSION, AttributeValue.fromN(Long.toString(next)));
    try {
      if (expectedVersion == 0) {
        dynamoDb.putItem(r -> r.tableName(table).overrideConfiguration(as(tenant)).item(item)
            .conditionExpression("attribute_not_exists(pk)"));
      } else {
        dynamoDb.putItem(r -> r.tableName(table).overrideConfiguration(as(tenant)).item(item)
            .conditionExpression("#v = :v")
            .expressionAttributeNames(Map.of("#v", VERSION))
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))));
      }
      return next;
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException();
    }
  }

  /**
   * Adds {@code amounts} to the item's number attributes in one atomic update, creating the item
   * and each attribute at zero: counters that concurrent writers bump without reading first.
   */
  public void add(TenantContext tenant, ItemKey key, Map<String, Long> amounts) {
    Map<String, String> names = new java.util.HashMap<>();
    Map<String, AttributeValue> values = new java.util.HashMap<>();
    java.util.List<String> parts = new java.util.ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Long> amount : amounts.entrySet()) {
      names.put("#a" + i, amount.getKey());
      values.put(":a" + i, AttributeValue.fromN(Long.toString(amount.getValue())));
      parts.add("#a" + i + " :a" + i);
      i++;
    }
    dynamoDb.updateItem(r -> r.tableName(table).overrideConfiguration(as(tenant)).key(key(tenant, key))
        .updateExpression("ADD " + String.join(", ", parts))
        .expressionAttributeNames(names).expressionAttributeValues(values));
  }

  public ItemPage query(TenantContext tenant, ItemQuery query) {
    String pkName = query.index().map(IndexKey.Index::pkAttribute).orElse("pk");
    String skName = query.index().map(IndexKey.Index::skAttribute).orElse("sk");
    Map<String, String> names = new HashMap<>(Map.of("#pk", pkName, "#sk", skName, "#exp", EXPIRES_AT));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(partitionKey(tenant, query.partition())));
    values.put(":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())));
    String condition = "#pk = :pk";
    if (query.sortPrefix().isPresent()) {
      condition += " AND begins_with(#sk, :prefix)";
      values.put(":prefix", AttributeValue.fromS(query.sortPrefix().get()));
    } else if (query.sortFrom().isPresent()) {
      condition += " AND #sk BETWEEN :from AND :to";
      values.put(":from", AttributeValue.fromS(query.sortFrom().get()));
      values.put(":to", AttributeValue.fromS(query.sortTo().orElseThrow()));
    } else {
      names.remove("#sk");
    }
    QueryRequest.Builder request = QueryRequest.builder().tableName(table)
        .overrideConfiguration(as(tenant))
        .keyConditionExpression(condition)
        .filterExpression("attribute_not_exists(#exp) OR #exp > :now")
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .scanIndexForward(!query.descending())
        .limit(Math.max(1, Math.min(query.limit(), 100)));
    query.index().ifPresent(index -> request.indexName(index.indexName()));
    if (query.index().isEmpty()) {
      request.consistentRead(true);
    }
    query.cursor().ifPresent(cursor -> request.exclusiveStartKey(
        decodeCursor(tenant, cursor, pkName, values.get(":pk").s())));
    QueryResponse response = dynamoDb.query(request.build());
    Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
        ? Optional.of(encodeCursor(response.lastEvaluatedKey()))
        : Optional.empty();
    return new ItemPage(List.copyOf(response.items()), next);
  }

  /**
   * Every call runs on the tenant's credentials when they are scoped (AWS): IAM then refuses any
   * key outside the tenant, whatever this class builds.
   */
  private AwsRequestOverrideConfiguration as(TenantContext tenant) {
    return credentials.requestOverride(tenant);
  }

  private Map<String, AttributeValue> key(TenantContext tenant, ItemKey key) {
    return Map.of("pk", AttributeValue.fromS(partitionKey(tenant, key.partition())),
        "sk", AttributeValue.fromS(key.sort()));
  }

  private Map<String, AttributeValue> item(TenantContext tenant, ItemKey key,
      Map<String, AttributeValue> attributes, IndexKey... indexKeys) {
    for (String name : attributes.keySet()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("attribute " + name + " is set by the data layer");
      }
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>(attributes);
    item.putAll(key(tenant, key));
    item.put("tenantId", AttributeValue.fromS(tenant.tenantId()));
    for (IndexKey index : indexKeys) {
      item.put(index.index().pkAttribute(), AttributeValue.fromS(
          index.global() ? index.partition() : partitionKey(tenant, index.partition())));
      item.put(index.index().skAttribute(), AttributeValue.fromS(index.sort()));
    }
    return item;
  }

  private boolean expired(Map<String, AttributeValue> item) {
    AttributeValue expires = item.get(EXPIRES_AT);
    return expires != null && expires.n() != null
        && Long.parseLong(expires.n()) <= clock.instant().getEpochSecond();
  }

  private String encodeCursor(Map<String, AttributeValue> lastKey) {
    Map<String, String> plain = new LinkedHashMap<>();
    lastKey.forEach((name, value) -> plain.put(name, value.s()));
    try {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(json.writeValueAsBytes(plain));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a cursor", e);
    }
  }

  /**
   * A cursor is a key from outside: only string key attributes, every partition key ours, and the
   * queried partition the one it continues (not another list of the same tenant, e.g. another
   * patient's).
   */
  private Map<String, AttributeValue> decodeCursor(TenantContext tenant, String cursor,
      String queriedPkName, String queriedPk) {
    Map<String, String> plain;
    try {
      plain = json.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)),
          new TypeReference<Map<String, String>>() {});
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalidCursor();
    }
    String prefix = tenantPrefix(tenant);
    Map<String, AttributeValue> key = new HashMap<>();
    for (Map.Entry<String, String> entry : plain.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (value == null || !KEYS.contains(name)) {
        throw invalidCursor();
      }
      boolean partition = name.endsWith("pk");
      if (partition && !(value.equals(prefix) || value.startsWith(prefix + "#"))) {
        throw invalidCursor();
      }
      key.put(name, AttributeValue.fromS(value));
    }
    if (!key.containsKey(queriedPkName) || !queriedPk.equals(key.get(queriedPkName).s())) {
      throw invalidCursor();
    }
    return key;
  }

  private static ApiProblem invalidCursor() {
    return ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Parameter 'cursor' is not a cursor of this list.");
  }

  /**
   * The caller's own attributes of an item read from the table, without what this class sets:
   * what a read-modify-write passes back to {@link #putVersioned}.
   */
  public static Map<String, AttributeValue> ownAttributes(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> attributes = new HashMap<>(item);
    attributes.keySet().removeAll(RESERVED);
    return attributes;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
