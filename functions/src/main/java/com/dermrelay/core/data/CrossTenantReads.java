package com.dermrelay.core.data;

import com.dermrelay.core.access.TenantContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/**
 * The one way to read the table outside a tenant context, and only to read: the lookups the access
 * layer makes before it has one ({@code core.tenancy.TenantDirectory}: does a clinic exist, which
 * clinic a slug names, a user's membership of a clinic and their clinics, whether an account was
 * closed). They run on the function's own role, as no tenant session exists yet. Reads are of an
 * item in a named clinic's own partition ({@code TENANT#<id>}, a valid clinic id only) or of the
 * global directory entries ({@code SLUG#}, {@code USER#} on the indexes); nothing else.
 */
public final class CrossTenantReads<T> {
  private static final AwsRequestOverrideConfiguration FUNCTIONS_OWN_ROLE =
      AwsRequestOverrideConfiguration.builder().build();

  /** BatchGetItem's limit of keys per request. */
  private static final int MAX_BATCH_GET = 100;

  private final SingleTable table;
  private final TableSchema<TableItem<T>> schema;

  CrossTenantReads(SingleTable table, TableSchema<TableItem<T>> schema) {
    this.table = table;
    this.schema = schema;
  }

  /** The item {@code sort} of clinic {@code tenantId}'s own partition, strongly consistent. */
  public Optional<StoredItem<T>> get(String tenantId, String sort) {
    if (tenantId == null || !TenantContext.TENANT_ID.matcher(tenantId).matches()) {
      return Optional.empty();
    }
    TableItem<T> item =
        mapped()
            .getItem(
                GetItemEnhancedRequest.builder()
                    .consistentRead(true)
                    .key(Key.builder().partitionValue("TENANT#" + tenantId).sortValue(sort).build())
                    .build());
    return Optional.ofNullable(item).map(CrossTenantReads::stored);
  }

  /**
   * The item {@code sort} of each named clinic's own partition, strongly consistent, in
   * BatchGetItem requests of up to 100 keys (one for any dermatologist's clinics): by clinic id,
   * absent where a clinic has none. Keys the service leaves unprocessed are asked for again.
   */
  public Map<String, StoredItem<T>> getAll(Collection<String> tenantIds, String sort) {
    List<String> valid =
        tenantIds.stream()
            .filter(id -> id != null && TenantContext.TENANT_ID.matcher(id).matches())
            .distinct()
            .toList();
    Map<String, StoredItem<T>> found = new HashMap<>();
    DynamoDbTable<TableItem<T>> mapped = mapped();
    for (int from = 0; from < valid.size(); from += MAX_BATCH_GET) {
      ReadBatch.Builder<TableItem<T>> batch =
          ReadBatch.builder(mapped.tableSchema().itemType().rawClass()).mappedTableResource(mapped);
      for (String tenantId : valid.subList(from, Math.min(valid.size(), from + MAX_BATCH_GET))) {
        batch.addGetItem(
            GetItemEnhancedRequest.builder()
                .consistentRead(true)
                .key(Key.builder().partitionValue("TENANT#" + tenantId).sortValue(sort).build())
                .build());
      }
      table
          .enhanced(FUNCTIONS_OWN_ROLE)
          .batchGetItem(r -> r.readBatches(batch.build()))
          .resultsForTable(mapped)
          .forEach(
              item -> {
                if (item != null && sort.equals(item.sk) && valid.contains(item.tenantId)) {
                  found.put(item.tenantId, stored(item));
                }
              });
    }
    return found;
  }

  /**
   * Every entry of a directory partition ({@code SLUG#<slug>}, {@code USER#<sub>}, {@code
   * CLINICS#}) on {@code index}, optionally only the one with sort key {@code sort}; the index is
   * eventually consistent.
   */
  public List<StoredItem<T>> directory(
      IndexKey.Index index, String partition, Optional<String> sort) {
    IndexKey entry =
        IndexKey.directory(index, partition, sort.orElse("")); // refuses other partitions
    Key.Builder key = Key.builder().partitionValue(entry.partition());
    sort.ifPresent(key::sortValue);
    List<StoredItem<T>> found = new ArrayList<>();
    mapped()
        .index(index.indexName())
        .query(QueryConditional.keyEqualTo(key.build()))
        .forEach(
            page ->
                page.items().stream()
                    .filter(Objects::nonNull)
                    .map(CrossTenantReads::stored)
                    .forEach(found::add));
    return found;
  }

  private DynamoDbTable<TableItem<T>> mapped() {
    return table.mapped(schema, FUNCTIONS_OWN_ROLE);
  }

  private static <T> StoredItem<T> stored(TableItem<T> item) {
    return new StoredItem<>(item.tenantId, item.sk, item.versionOrZero(), item.record);
  }
}
