package com.dermrelay.core.data;

import com.dermrelay.core.access.TenantContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The acting tenant's items of one record type, and the one place tenant isolation is enforced.
 * Every method takes the {@link TenantContext} (which only {@code core.access} makes, from a
 * verified token) and a key relative to the tenant ({@link ItemKey}, {@link IndexKey}, {@link
 * ItemQuery}); every partition key, of the table and of the indexes, is built here as {@code
 * TENANT#<tenantId>[#<partition>]}, and refused ({@link TenantIsolationException}, nothing sent)
 * when it would name a tenant itself. A cursor that comes back from a client must continue the same
 * partition of the acting tenant, and every item read must lie inside it. Each request is signed by
 * the tenant's session in AWS ({@link TenantCredentials#requestOverride}), so IAM refuses what this
 * class would not.
 *
 * <p>Writes are single-item and conditional (dynalite has no transactions): {@link #putIfAbsent}
 * appends under a deterministic key (a retry finds its own item and does nothing), {@link
 * #putVersioned} replaces state on its {@code version} (the Enhanced Client's {@code
 * VersionedRecordExtension}). Items past their {@code expiresAt} are gone for every read.
 */
public final class TenantTable<T> {
  private static final String TENANT = "TENANT#";
  private static final Expression NO_SUCH_ITEM =
      Expression.builder()
          .expression("attribute_not_exists(#dr_pk)")
          .putExpressionName("#dr_pk", TableItem.PK)
          .build();
  private static final int MAX_PAGE = 100;

  /** BatchGetItem's limit of keys per request. */
  private static final int MAX_BATCH_GET = 100;

  private final SingleTable table;
  private final TableSchema<TableItem<T>> schema;

  TenantTable(SingleTable table, TableSchema<TableItem<T>> schema) {
    this.table = table;
    this.schema = schema;
  }

  /** The tenant's partition-key prefix; documentation and tests, not for building keys outside. */
  public static String tenantPrefix(TenantContext tenant) {
    return TENANT + tenant.tenantId();
  }

  /** The item, strongly consistent; empty when there is none or it expired. */
  public Optional<StoredItem<T>> get(TenantContext tenant, ItemKey key) {
    String pk = partitionKey(tenant, key.partition());
    TableItem<T> item =
        mapped(tenant)
            .getItem(
                GetItemEnhancedRequest.builder()
                    .consistentRead(true)
                    .key(Key.builder().partitionValue(pk).sortValue(key.sort()).build())
                    .build());
    return Optional.ofNullable(item).map(i -> stored(tenant, i));
  }

  /**
   * The items with these keys, strongly consistent, in BatchGetItem requests of up to 100 keys (one
   * request where {@link #get} would make one per key): by key, absent where there is none or it
   * expired. Keys the service leaves unprocessed are asked for again.
   */
  public Map<ItemKey, StoredItem<T>> getAll(TenantContext tenant, Collection<ItemKey> keys) {
    Map<List<String>, ItemKey> byTableKey = new LinkedHashMap<>();
    for (ItemKey key : keys) {
      byTableKey.put(List.of(partitionKey(tenant, key.partition()), key.sort()), key);
    }
    List<List<String>> wanted = new ArrayList<>(byTableKey.keySet());
    Map<ItemKey, StoredItem<T>> found = new HashMap<>();
    DynamoDbTable<TableItem<T>> mapped = mapped(tenant);
    for (int from = 0; from < wanted.size(); from += MAX_BATCH_GET) {
      ReadBatch.Builder<TableItem<T>> batch =
          ReadBatch.builder(mapped.tableSchema().itemType().rawClass()).mappedTableResource(mapped);
      for (List<String> key : wanted.subList(from, Math.min(wanted.size(), from + MAX_BATCH_GET))) {
        batch.addGetItem(
            GetItemEnhancedRequest.builder()
                .consistentRead(true)
                .key(key(key.get(0), key.get(1)))
                .build());
      }
      table
          .enhanced(as(tenant))
          .batchGetItem(r -> r.readBatches(batch.build()))
          .resultsForTable(mapped)
          .forEach(
              item -> {
                ItemKey key = item == null ? null : byTableKey.get(List.of(item.pk, item.sk));
                if (key != null) {
                  found.put(key, stored(tenant, item));
                }
              });
    }
    return found;
  }

  /**
   * Writes the record only if no item has its key: the append of a record under a deterministic
   * key, stored as version 1. Returns false when it was already there (a retry), leaving it
   * untouched.
   */
  public boolean putIfAbsent(TenantContext tenant, ItemKey key, T record, IndexKey... indexKeys) {
    try {
      put(tenant, item(tenant, key, record, null, indexKeys), true);
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
  public long putVersioned(
      TenantContext tenant, ItemKey key, T record, long expectedVersion, IndexKey... indexKeys) {
    try {
      put(tenant, item(tenant, key, record, expectedVersion, indexKeys), expectedVersion == 0);
      return expectedVersion + 1;
    } catch (ConditionalCheckFailedException e) {
      throw new VersionConflictException();
    }
  }

  private void put(TenantContext tenant, TableItem<T> item, boolean mustBeNew) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    PutItemEnhancedRequest.Builder<TableItem<T>> request =
        PutItemEnhancedRequest.builder((Class) TableItem.class);
    request.item(item);
    if (mustBeNew) {
      // With the version extension's own attribute_not_exists(version): no item at all, not
      // merely one without a version.
      request.conditionExpression(NO_SUCH_ITEM);
    }
    mapped(tenant).putItem(request.build());
  }

  /**
   * Adds {@code amounts} to the item's number attributes in one atomic update, creating the item
   * and each attribute at zero: counters that concurrent writers bump without reading first. The
   * Enhanced Client has no ADD of a caller's amount, so this is the data layer's one UpdateItem.
   */
  public void add(TenantContext tenant, ItemKey key, Map<String, Long> amounts) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> parts = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Long> amount : amounts.entrySet()) {
      names.put("#a" + i, amount.getKey());
      values.put(":a" + i, AttributeValue.fromN(Long.toString(amount.getValue())));
      parts.add("#a" + i + " :a" + i);
      i++;
    }
    String pk = partitionKey(tenant, key.partition());
    table
        .client()
        .updateItem(
            r ->
                r.tableName(table.tableName())
                    .overrideConfiguration(as(tenant))
                    .key(
                        Map.of(
                            TableItem.PK,
                            AttributeValue.fromS(pk),
                            TableItem.SK,
                            AttributeValue.fromS(key.sort())))
                    .updateExpression("ADD " + String.join(", ", parts))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
  }

  /** One page of a partition of the table or of an index, expired items left out. */
  public ItemPage<T> query(TenantContext tenant, ItemQuery query) {
    String pk = partitionKey(tenant, query.partition());
    QueryConditional condition;
    if (query.sortPrefix().isPresent()) {
      condition = QueryConditional.sortBeginsWith(key(pk, query.sortPrefix().get()));
    } else if (query.sortFrom().isPresent()) {
      condition =
          QueryConditional.sortBetween(
              key(pk, query.sortFrom().get()), key(pk, query.sortTo().orElseThrow()));
    } else {
      condition = QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build());
    }
    QueryEnhancedRequest.Builder request =
        QueryEnhancedRequest.builder()
            .queryConditional(condition)
            .filterExpression(
                Expression.builder()
                    .expression("attribute_not_exists(#exp) OR #exp > :now")
                    .putExpressionName("#exp", ExpiredItemsExtension.EXPIRES_AT)
                    .putExpressionValue(
                        ":now",
                        AttributeValue.fromN(
                            Long.toString(table.clock().instant().getEpochSecond())))
                    .build())
            .scanIndexForward(!query.descending())
            .limit(Math.max(1, Math.min(query.limit(), MAX_PAGE)));
    if (query.index().isEmpty()) {
      request.consistentRead(true);
    }
    String pkName = query.index().map(IndexKey.Index::pkAttribute).orElse(TableItem.PK);
    query
        .cursor()
        .ifPresent(
            cursor ->
                request.exclusiveStartKey(
                    Cursors.decode(table.json(), tenantPrefix(tenant), cursor, pkName, pk)));
    DynamoDbTable<TableItem<T>> mapped = mapped(tenant);
    // One page, one request: the iterator asks for the next page only when asked to.
    Page<TableItem<T>> page =
        query.index().isPresent()
            ? mapped.index(query.index().get().indexName()).query(request.build()).iterator().next()
            : mapped.query(request.build()).iterator().next();
    List<StoredItem<T>> items =
        page.items().stream().filter(Objects::nonNull).map(i -> stored(tenant, i)).toList();
    Optional<String> next =
        page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty()
            ? Optional.empty()
            : Optional.of(Cursors.encode(table.json(), page.lastEvaluatedKey()));
    return new ItemPage<>(items, next);
  }

  private DynamoDbTable<TableItem<T>> mapped(TenantContext tenant) {
    return table.mapped(schema, as(tenant));
  }

  /**
   * Every call runs on the tenant's credentials when they are scoped (AWS): IAM then refuses any
   * key outside the tenant, whatever this class builds.
   */
  private AwsRequestOverrideConfiguration as(TenantContext tenant) {
    return table.credentials().requestOverride(tenant);
  }

  /**
   * {@code TENANT#<id>} or {@code TENANT#<id>#<partition>}; a partition naming a tenant is refused.
   */
  static String partitionKey(TenantContext tenant, String partition) {
    if (partition.contains(TENANT)) {
      throw new TenantIsolationException("a key relative to the tenant names a tenant itself");
    }
    return partition.isEmpty() ? tenantPrefix(tenant) : tenantPrefix(tenant) + "#" + partition;
  }

  static boolean inTenant(String tenantPrefix, String partitionKey) {
    return partitionKey != null
        && (partitionKey.equals(tenantPrefix) || partitionKey.startsWith(tenantPrefix + "#"));
  }

  private static Key key(String pk, String sort) {
    return Key.builder().partitionValue(pk).sortValue(sort).build();
  }

  private TableItem<T> item(
      TenantContext tenant, ItemKey key, T record, Long version, IndexKey... indexKeys) {
    TableItem.Builder<T> item = TableItem.builder();
    item.pk = partitionKey(tenant, key.partition());
    item.sk = key.sort();
    item.tenantId = tenant.tenantId();
    item.version = version;
    item.record = Objects.requireNonNull(record, "record");
    for (IndexKey index : indexKeys) {
      String partition =
          index.global()
              ? directoryEntry(tenant, key, index)
              : partitionKey(tenant, index.partition());
      if (index.index() == IndexKey.Index.GSI1) {
        item.gsi1pk = partition;
        item.gsi1sk = index.sort();
      } else {
        item.gsi2pk = partition;
        item.gsi2sk = index.sort();
      }
    }
    return item.build();
  }

  /**
   * A global directory entry may only point at the acting tenant: a user's entry names it as its
   * sort key ({@code USER#<sub>} / {@code TENANT#<id>}), a slug's entry sits on the tenant's own
   * item, and so does its entry in the list of clinics ({@code CLINICS#...} / its id).
   */
  private static String directoryEntry(TenantContext tenant, ItemKey key, IndexKey index) {
    boolean userOfThisTenant =
        index.partition().startsWith(IndexKey.USER_DIRECTORY)
            && index.sort().equals(tenantPrefix(tenant));
    boolean slugOfThisTenant =
        index.partition().startsWith(IndexKey.SLUG_DIRECTORY) && key.partition().isEmpty();
    boolean listingOfThisTenant =
        index.partition().startsWith(IndexKey.CLINIC_DIRECTORY)
            && key.partition().isEmpty()
            && index.sort().equals(tenant.tenantId());
    if (!userOfThisTenant && !slugOfThisTenant && !listingOfThisTenant) {
      throw new TenantIsolationException("a directory entry must point at the acting tenant");
    }
    return index.partition();
  }

  /** An item read for {@code tenant}: refused unless it lies in the tenant's key space. */
  private StoredItem<T> stored(TenantContext tenant, TableItem<T> item) {
    if (!inTenant(tenantPrefix(tenant), item.pk)) {
      throw new TenantIsolationException("an item outside the acting tenant was read");
    }
    return new StoredItem<>(tenant.tenantId(), item.sk, item.versionOrZero(), item.record);
  }
}
