package com.dermrelay.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.access.TestTenantContexts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write semantics the use cases rely on, on the Enhanced Client against a real dynalite:
 * appends under deterministic keys that a retry cannot repeat, versioned state whose loser of a
 * race gets a VersionConflictException (409 upstream), atomic counters, expired items gone.
 */
class TenantTableWritesTest {
  private static final TenantContext CLINIC =
      TestTenantContexts.patient("northside-skin", "patient-1");

  /** A record type of the test: a status that may expire (epoch seconds). */
  record Entry(String status, Long expiresAt) {
    static final TableSchema<Entry> SCHEMA =
        StaticImmutableTableSchema.builder(Entry.class, Builder.class)
            .newItemBuilder(Builder::new, b -> new Entry(b.status, b.expiresAt))
            .addAttribute(
                String.class,
                a -> a.name("status").getter(Entry::status).setter((b, v) -> b.status = v))
            .addAttribute(
                Long.class,
                a -> a.name("expiresAt").getter(Entry::expiresAt).setter((b, v) -> b.expiresAt = v))
            .build();

    private static final class Builder {
      String status;
      Long expiresAt;
    }
  }

  private static final AtomicReference<Instant> NOW =
      new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  private static DynaliteTable dynalite;
  private static TenantTable<Entry> entries;

  @BeforeAll
  static void start() {
    dynalite = DynaliteTable.start();
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return NOW.get();
          }
        };
    entries = dynalite.singleTable(clock).tenantTable(Entry.SCHEMA);
  }

  @AfterAll
  static void stop() {
    dynalite.close();
  }

  @Test
  void anAppendUnderADeterministicKeyHappensOnceWhateverTheRetries() {
    ItemKey key = ItemKey.of("CASE#c1", "ANSWER#000");
    assertTrue(entries.putIfAbsent(CLINIC, key, new Entry("first", null)));
    assertFalse(
        entries.putIfAbsent(CLINIC, key, new Entry("retry", null)), "a retry finds its own item");

    StoredItem<Entry> stored = entries.get(CLINIC, key).orElseThrow();
    assertEquals("first", stored.record().status());
    assertEquals(1, stored.version());
    assertEquals("ANSWER#000", stored.sort());
  }

  @Test
  void versionedStateMovesOnlyFromTheVersionItWasReadAt() {
    ItemKey key = ItemKey.of("CASE#c2", "CASE");
    assertEquals(1, entries.putVersioned(CLINIC, key, new Entry("DRAFT", null), 0));
    assertThrows(
        VersionConflictException.class,
        () -> entries.putVersioned(CLINIC, key, new Entry("DRAFT again", null), 0),
        "it exists already");

    assertEquals(2, entries.putVersioned(CLINIC, key, new Entry("SUBMITTED", null), 1));
    // The loser of a race wrote on the version both had read.
    assertThrows(
        VersionConflictException.class,
        () -> entries.putVersioned(CLINIC, key, new Entry("EDITED", null), 1));
    assertThrows(
        VersionConflictException.class,
        () -> entries.putVersioned(CLINIC, key, new Entry("AHEAD", null), 5));

    StoredItem<Entry> stored = entries.get(CLINIC, key).orElseThrow();
    assertEquals("SUBMITTED", stored.record().status());
    assertEquals(2, stored.version());
  }

  @Test
  void anItemWithoutAVersionIsNotTakenForANewOne() {
    // As seeded or written before versions: version 0 means "must not exist", not "has no version".
    dynalite.client.putItem(
        r ->
            r.tableName(DynaliteTable.NAME)
                .item(
                    Map.of(
                        "pk",
                        AttributeValue.fromS("TENANT#northside-skin"),
                        "sk",
                        AttributeValue.fromS("MEMBER#old"),
                        "tenantId",
                        AttributeValue.fromS("northside-skin"),
                        "status",
                        AttributeValue.fromS("ACTIVE"))));
    ItemKey key = ItemKey.inTenant("MEMBER#old");
    assertEquals(0, entries.get(CLINIC, key).orElseThrow().version());
    assertThrows(
        VersionConflictException.class,
        () -> entries.putVersioned(CLINIC, key, new Entry("REMOVED", null), 0));
    assertEquals("ACTIVE", entries.get(CLINIC, key).orElseThrow().record().status());
  }

  @Test
  void countersAddAtomicallyFromNothing() {
    ItemKey week = ItemKey.of("STATS", "WEEK#2026-W49");
    entries.add(CLINIC, week, Map.of("photosChecked", 1L, "photosNeedingRetake", 0L));
    entries.add(CLINIC, week, Map.of("photosChecked", 1L, "photosNeedingRetake", 1L));
    Map<String, AttributeValue> item =
        dynalite
            .client
            .getItem(
                r ->
                    r.tableName(DynaliteTable.NAME)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS("TENANT#northside-skin#STATS"),
                                "sk",
                                AttributeValue.fromS("WEEK#2026-W49"))))
            .item();
    assertEquals("2", item.get("photosChecked").n());
    assertEquals("1", item.get("photosNeedingRetake").n());
  }

  @Test
  void anExpiredItemIsGoneForGetsAndQueriesThoughTheTableStillHoldsIt() {
    long now = NOW.get().getEpochSecond();
    entries.putIfAbsent(CLINIC, ItemKey.of("DRAFTS", "a"), new Entry("lapsed", now));
    entries.putIfAbsent(CLINIC, ItemKey.of("DRAFTS", "b"), new Entry("live", now + 60));
    entries.putIfAbsent(CLINIC, ItemKey.of("DRAFTS", "c"), new Entry("kept", null));

    assertEquals(Optional.empty(), entries.get(CLINIC, ItemKey.of("DRAFTS", "a")));
    List<ItemKey> all =
        List.of(ItemKey.of("DRAFTS", "a"), ItemKey.of("DRAFTS", "b"), ItemKey.of("DRAFTS", "c"));
    assertEquals(
        java.util.Set.of("live", "kept"),
        entries.getAll(CLINIC, all).values().stream()
            .map(e -> e.record().status())
            .collect(java.util.stream.Collectors.toSet()),
        "a batch read does not see it either");
    assertEquals(
        List.of("live", "kept"),
        entries.query(CLINIC, ItemQuery.partition("DRAFTS")).records().stream()
            .map(Entry::status)
            .toList());

    NOW.set(NOW.get().plusSeconds(61));
    try {
      assertEquals(Optional.empty(), entries.get(CLINIC, ItemKey.of("DRAFTS", "b")));
      assertEquals(
          List.of("kept"),
          entries.query(CLINIC, ItemQuery.partition("DRAFTS")).records().stream()
              .map(Entry::status)
              .toList());
    } finally {
      NOW.set(NOW.get().minusSeconds(61));
    }
    // dynalite has no TTL: the lapsed item is still there, only unseen.
    assertTrue(
        dynalite
            .client
            .getItem(
                r ->
                    r.tableName(DynaliteTable.NAME)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS("TENANT#northside-skin#DRAFTS"),
                                "sk",
                                AttributeValue.fromS("a"))))
            .hasItem());
  }

  @Test
  void absentTextIsLeftOutOfTheItemNotStoredAsNull() {
    entries.putIfAbsent(CLINIC, ItemKey.of("CASE#c3", "NOTE"), new Entry(null, null));
    Map<String, AttributeValue> item =
        dynalite
            .client
            .getItem(
                r ->
                    r.tableName(DynaliteTable.NAME)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS("TENANT#northside-skin#CASE#c3"),
                                "sk",
                                AttributeValue.fromS("NOTE"))))
            .item();
    assertEquals(java.util.Set.of("pk", "sk", "tenantId", "version"), item.keySet());
  }

  /** A record of every attribute type the table's schemas use. */
  record Typed(String text, Long big, Integer small, List<String> texts) {
    static final TableSchema<Typed> SCHEMA =
        StaticImmutableTableSchema.builder(Typed.class, TypedBuilder.class)
            .newItemBuilder(TypedBuilder::new, b -> new Typed(b.text, b.big, b.small, b.texts))
            .addAttribute(
                String.class, a -> a.name("text").getter(Typed::text).setter((b, v) -> b.text = v))
            .addAttribute(
                Long.class, a -> a.name("big").getter(Typed::big).setter((b, v) -> b.big = v))
            .addAttribute(
                Integer.class,
                a -> a.name("small").getter(Typed::small).setter((b, v) -> b.small = v))
            .addAttribute(
                EnhancedType.listOf(String.class),
                a -> a.name("texts").getter(Typed::texts).setter((b, v) -> b.texts = v))
            .build();
  }

  private static final class TypedBuilder {
    String text;
    Long big;
    Integer small;
    List<String> texts;
  }

  @Test
  void everyAttributeTypeOfTheSchemasIsStoredAsItsDynamoDbTypeAndReadBackUnchanged() {
    TenantTable<Typed> typed =
        dynalite.singleTable(Clock.fixed(NOW.get(), ZoneOffset.UTC)).tenantTable(Typed.SCHEMA);
    Typed record =
        new Typed("é \"quoted\"", 9_007_199_254_740_993L, -7, List.of("EHR-1", "", "EHR-3"));
    typed.putIfAbsent(CLINIC, ItemKey.of("CASE#c4", "TYPED"), record);
    assertEquals(record, typed.get(CLINIC, ItemKey.of("CASE#c4", "TYPED")).orElseThrow().record());
    Map<String, AttributeValue> item =
        dynalite
            .client
            .getItem(
                r ->
                    r.tableName(DynaliteTable.NAME)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS("TENANT#northside-skin#CASE#c4"),
                                "sk",
                                AttributeValue.fromS("TYPED"))))
            .item();
    assertEquals("9007199254740993", item.get("big").n());
    assertEquals("-7", item.get("small").n());
    assertEquals(
        List.of("EHR-1", "", "EHR-3"),
        item.get("texts").l().stream().map(AttributeValue::s).toList());
  }
}
