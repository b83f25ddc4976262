package com.dermrelay.core.data;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One item of the table as the Enhanced Client maps it: what only the data layer sets (the table's
 * and indexes' keys, {@code tenantId}, {@code version}) and, flattened beside them, the record
 * type's own attributes. A record schema that names one of the reserved attributes cannot be
 * mapped: the schema fails to build ("already has one with the same name").
 *
 * <p>{@code version} carries the {@link VersionedRecordExtension} tag: a write conditions itself on
 * the version it carries (absent or 0: the item must not exist) and stores the next one.
 */
final class TableItem<T> {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String VERSION = "version";

  final String pk;
  final String sk;
  final String gsi1pk;
  final String gsi1sk;
  final String gsi2pk;
  final String gsi2sk;
  final String tenantId;
  final Long version;
  final T record;

  private TableItem(Builder<T> b) {
    this.pk = b.pk;
    this.sk = b.sk;
    this.gsi1pk = b.gsi1pk;
    this.gsi1sk = b.gsi1sk;
    this.gsi2pk = b.gsi2pk;
    this.gsi2sk = b.gsi2sk;
    this.tenantId = b.tenantId;
    this.version = b.version;
    this.record = b.record;
  }

  /** The version as read; items written before versions (or counters) have none: 0. */
  long versionOrZero() {
    return version == null ? 0 : version;
  }

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** The mutable half of the immutable schema: what the Enhanced Client fills while it reads. */
  static final class Builder<T> {
    String pk;
    String sk;
    String gsi1pk;
    String gsi1sk;
    String gsi2pk;
    String gsi2sk;
    String tenantId;
    Long version;
    T record;

    TableItem<T> build() {
      return new TableItem<>(this);
    }
  }

  /**
   * The schema of items holding {@code recordSchema}'s records: built from lambdas, no reflection,
   * once per record type (TenantTables caches it).
   */
  static <T> TableSchema<TableItem<T>> schema(TableSchema<T> recordSchema) {
    StaticImmutableTableSchema.Builder<TableItem<T>, Builder<T>> schema = keys();
    return schema
        .flatten(recordSchema, item -> item.record, (b, record) -> b.record = record)
        .build();
  }

  /** The keys and reserved attributes alone: for reads that only ask whether an item exists. */
  static TableSchema<TableItem<Void>> keysOnly() {
    return TableItem.<Void>keys().build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> StaticImmutableTableSchema.Builder<TableItem<T>, Builder<T>> keys() {
    StaticImmutableTableSchema.Builder<TableItem<T>, Builder<T>> schema =
        StaticImmutableTableSchema.builder(
            (Class<TableItem<T>>) (Class) TableItem.class,
            (Class<Builder<T>>) (Class) Builder.class);
    schema.newItemBuilder(Builder::new, Builder::build);
    text(schema, PK, i -> i.pk, (b, v) -> b.pk = v, primaryPartitionKey());
    text(schema, SK, i -> i.sk, (b, v) -> b.sk = v, primarySortKey());
    text(schema, "gsi1pk", i -> i.gsi1pk, (b, v) -> b.gsi1pk = v, secondaryPartitionKey("gsi1"));
    text(schema, "gsi1sk", i -> i.gsi1sk, (b, v) -> b.gsi1sk = v, secondarySortKey("gsi1"));
    text(schema, "gsi2pk", i -> i.gsi2pk, (b, v) -> b.gsi2pk = v, secondaryPartitionKey("gsi2"));
    text(schema, "gsi2sk", i -> i.gsi2sk, (b, v) -> b.gsi2sk = v, secondarySortKey("gsi2"));
    schema.addAttribute(
        String.class,
        a -> a.name("tenantId").getter(i -> i.tenantId).setter((b, v) -> b.tenantId = v));
    schema.addAttribute(
        Long.class,
        a ->
            a.name(VERSION)
                .getter(i -> i.version)
                .setter((b, v) -> b.version = v)
                .tags(VersionedRecordExtension.AttributeTags.versionAttribute()));
    return schema;
  }

  private static <T> void text(
      StaticImmutableTableSchema.Builder<TableItem<T>, Builder<T>> schema,
      String name,
      Function<TableItem<T>, String> getter,
      BiConsumer<Builder<T>, String> setter,
      StaticAttributeTag tag) {
    schema.addAttribute(String.class, a -> a.name(name).getter(getter).setter(setter).tags(tag));
  }
}
