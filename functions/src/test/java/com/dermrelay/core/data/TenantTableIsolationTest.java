package com.dermrelay.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.access.TestTenantContexts;
import com.dermrelay.core.http.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tenant isolation in the one place it is enforced, {@link TenantTable}, against a real dynalite: a
 * key of another tenant, a forged key that names a tenant, another tenant's cursor and an index
 * query are each tried, and the table is looked at directly to see that nothing crossed over.
 */
class TenantTableIsolationTest {
  private static final TenantContext NORTHSIDE =
      TestTenantContexts.patient("northside-skin", "patient-n");
  private static final TenantContext HARBOUR =
      TestTenantContexts.patient("harbour-derm", "patient-h");

  /** A record type of the test: one text. */
  record Note(String text) {
    static final TableSchema<Note> SCHEMA =
        StaticImmutableTableSchema.builder(Note.class, StringBuilder.class)
            .newItemBuilder(StringBuilder::new, b -> new Note(b.toString()))
            .addAttribute(
                String.class, a -> a.name("text").getter(Note::text).setter(StringBuilder::append))
            .build();
  }

  private static DynaliteTable dynalite;
  private static TenantTable<Note> notes;

  @BeforeAll
  static void start() {
    dynalite = DynaliteTable.start();
    notes = dynalite.singleTable(Clock.systemUTC()).tenantTable(Note.SCHEMA);
  }

  @AfterAll
  static void stop() {
    dynalite.close();
  }

  @Test
  void theSameRelativeKeyIsAnotherItemInEachTenant() {
    ItemKey key = ItemKey.of("CASE#same", "NOTE");
    assertTrue(notes.putIfAbsent(NORTHSIDE, key, new Note("northside's")));

    assertEquals(
        Optional.empty(), notes.get(HARBOUR, key), "harbour reads nothing under northside's key");
    assertTrue(
        notes.putIfAbsent(HARBOUR, key, new Note("harbour's")),
        "and writes its own item, not over northside's");
    assertEquals("northside's", notes.get(NORTHSIDE, key).orElseThrow().record().text());
    assertEquals("harbour's", notes.get(HARBOUR, key).orElseThrow().record().text());

    // In the table: two items, each under its tenant's prefix and carrying its tenant id.
    for (String tenant : List.of("northside-skin", "harbour-derm")) {
      Map<String, AttributeValue> item = raw("TENANT#" + tenant + "#CASE#same", "NOTE");
      assertEquals(tenant, item.get("tenantId").s());
      assertEquals("1", item.get("version").n());
    }
  }

  @Test
  void aBatchReadReadsOnlyTheActingTenantsItems() {
    ItemKey shared = ItemKey.of("CASE#batch", "NOTE");
    ItemKey northsideOnly = ItemKey.of("CASE#batch-n", "NOTE");
    notes.putIfAbsent(NORTHSIDE, shared, new Note("northside's"));
    notes.putIfAbsent(HARBOUR, shared, new Note("harbour's"));
    notes.putIfAbsent(NORTHSIDE, northsideOnly, new Note("northside only"));

    Map<ItemKey, StoredItem<Note>> read =
        notes.getAll(HARBOUR, List.of(shared, northsideOnly, ItemKey.of("CASE#none", "NOTE")));

    assertEquals(List.of(shared), List.copyOf(read.keySet()), "harbour's own item only");
    assertEquals("harbour's", read.get(shared).record().text());
    assertEquals("harbour-derm", read.get(shared).tenantId());
    assertEquals(2, notes.getAll(NORTHSIDE, List.of(shared, northsideOnly)).size());
    assertThrows(
        TenantIsolationException.class,
        () ->
            notes.getAll(HARBOUR, List.of(ItemKey.of("TENANT#northside-skin#CASE#batch", "NOTE"))));
  }

  @Test
  void aForgedKeyThatNamesATenantIsRefusedBeforeAnythingIsSent() {
    notes.putIfAbsent(HARBOUR, ItemKey.of("CASE#secret", "NOTE"), new Note("harbour's secret"));
    ItemKey forged = ItemKey.of("TENANT#harbour-derm#CASE#secret", "NOTE");

    assertThrows(TenantIsolationException.class, () -> notes.get(NORTHSIDE, forged));
    assertThrows(
        TenantIsolationException.class, () -> notes.putIfAbsent(NORTHSIDE, forged, new Note("x")));
    assertThrows(
        TenantIsolationException.class,
        () -> notes.putVersioned(NORTHSIDE, forged, new Note("x"), 1));
    assertThrows(
        TenantIsolationException.class, () -> notes.add(NORTHSIDE, forged, Map.of("n", 1L)));
    assertThrows(
        TenantIsolationException.class,
        () -> notes.query(NORTHSIDE, ItemQuery.partition("TENANT#harbour-derm#CASE#secret")));
    // An index entry naming another tenant, or a directory entry pointing at one.
    assertThrows(
        TenantIsolationException.class,
        () ->
            notes.putIfAbsent(
                NORTHSIDE,
                ItemKey.of("CASE#a", "NOTE"),
                new Note("x"),
                IndexKey.of(IndexKey.Index.GSI1, "TENANT#harbour-derm#QUEUE", "1")));
    assertThrows(
        TenantIsolationException.class,
        () ->
            notes.putIfAbsent(
                NORTHSIDE,
                ItemKey.of("CASE#a", "NOTE"),
                new Note("x"),
                IndexKey.directory(IndexKey.Index.GSI2, "USER#patient-n", "TENANT#harbour-derm")));
    assertThrows(
        TenantIsolationException.class,
        () ->
            notes.putIfAbsent(
                NORTHSIDE,
                ItemKey.of("CASE#a", "NOTE"),
                new Note("x"),
                IndexKey.directory(IndexKey.Index.GSI1, "SLUG#harbour", "TENANT")));
    // The platform's list of clinics: only the acting clinic, only on its own root item.
    assertThrows(
        TenantIsolationException.class,
        () ->
            notes.putIfAbsent(
                NORTHSIDE,
                ItemKey.inTenant("LISTED"),
                new Note("x"),
                IndexKey.directory(IndexKey.Index.GSI2, "CLINICS#ALL", "harbour-derm")));
    assertThrows(
        TenantIsolationException.class,
        () ->
            notes.putIfAbsent(
                NORTHSIDE,
                ItemKey.of("CASE#a", "NOTE"),
                new Note("x"),
                IndexKey.directory(IndexKey.Index.GSI2, "CLINICS#ALL", "northside-skin")));

    // Nothing of it reached the table; harbour's item is as it was.
    assertTrue(rawItem("TENANT#northside-skin#TENANT#harbour-derm#CASE#secret", "NOTE").isEmpty());
    assertTrue(rawItem("TENANT#northside-skin#CASE#a", "NOTE").isEmpty());
    assertEquals(
        "harbour's secret",
        notes.get(HARBOUR, ItemKey.of("CASE#secret", "NOTE")).orElseThrow().record().text());
  }

  @Test
  void anotherTenantsCursorOrAnotherListsCursorIsA400() {
    for (int i = 0; i < 3; i++) {
      notes.putIfAbsent(HARBOUR, ItemKey.of("LIST", "item-" + i), new Note("h" + i));
      notes.putIfAbsent(NORTHSIDE, ItemKey.of("LIST", "item-" + i), new Note("n" + i));
      notes.putIfAbsent(NORTHSIDE, ItemKey.of("OTHER-LIST", "item-" + i), new Note("o" + i));
    }
    String harbourCursor =
        notes.query(HARBOUR, ItemQuery.partition("LIST").limit(1)).nextCursor().orElseThrow();
    String northsideCursor =
        notes.query(NORTHSIDE, ItemQuery.partition("LIST").limit(1)).nextCursor().orElseThrow();

    ApiProblem foreign =
        assertThrows(
            ApiProblem.class,
            () ->
                notes.query(
                    NORTHSIDE, ItemQuery.partition("LIST").after(Optional.of(harbourCursor))));
    assertEquals(400, foreign.status());
    assertEquals(
        400,
        assertThrows(
                ApiProblem.class,
                () ->
                    notes.query(
                        NORTHSIDE,
                        ItemQuery.partition("OTHER-LIST").after(Optional.of(northsideCursor))))
            .status());
    // A cursor made by hand that names another tenant's partition, and one that is no cursor.
    String handMade =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"pk\":\"TENANT#harbour-derm#LIST\",\"sk\":\"item-0\"}"
                    .getBytes(StandardCharsets.UTF_8));
    assertEquals(
        400,
        assertThrows(
                ApiProblem.class,
                () ->
                    notes.query(
                        NORTHSIDE, ItemQuery.partition("LIST").after(Optional.of(handMade))))
            .status());
    assertEquals(
        400,
        assertThrows(
                ApiProblem.class,
                () ->
                    notes.query(
                        NORTHSIDE, ItemQuery.partition("LIST").after(Optional.of("not-a-cursor"))))
            .status());

    // Its own cursor continues its own list: the rest of northside's items, none of harbour's.
    ItemPage<Note> rest =
        notes.query(NORTHSIDE, ItemQuery.partition("LIST").after(Optional.of(northsideCursor)));
    assertEquals(List.of("n1", "n2"), rest.records().stream().map(Note::text).toList());
  }

  @Test
  void anIndexQueryReadsOnlyTheTenantsEntries() {
    notes.putIfAbsent(
        NORTHSIDE,
        ItemKey.of("CASE#q1", "NOTE"),
        new Note("northside queued"),
        IndexKey.of(IndexKey.Index.GSI1, "QUEUE", "1#a"));
    notes.putIfAbsent(
        HARBOUR,
        ItemKey.of("CASE#q2", "NOTE"),
        new Note("harbour queued"),
        IndexKey.of(IndexKey.Index.GSI1, "QUEUE", "1#b"));
    notes.putIfAbsent(
        HARBOUR,
        ItemKey.of("CASE#q3", "NOTE"),
        new Note("harbour queued too"),
        IndexKey.of(IndexKey.Index.GSI1, "QUEUE", "1#c"));
    // A user's directory entry: global, and still not reachable through a tenant's index query.
    notes.putIfAbsent(
        HARBOUR,
        ItemKey.inTenant("MEMBER#someone"),
        new Note("membership"),
        IndexKey.directory(IndexKey.Index.GSI2, "USER#someone", "TENANT#harbour-derm"));

    ItemQuery queue = ItemQuery.partition("QUEUE").onIndex(IndexKey.Index.GSI1);
    assertEquals(
        List.of("northside queued"),
        notes.query(NORTHSIDE, queue).records().stream().map(Note::text).toList());
    assertEquals(
        List.of(),
        notes
            .query(NORTHSIDE, ItemQuery.partition("USER#someone").onIndex(IndexKey.Index.GSI2))
            .records());

    String harbourCursor = notes.query(HARBOUR, queue.limit(1)).nextCursor().orElseThrow();
    assertEquals(
        400,
        assertThrows(
                ApiProblem.class,
                () -> notes.query(NORTHSIDE, queue.after(Optional.of(harbourCursor))))
            .status());
    // A cursor of the table's partition does not continue an index's list either.
    notes.putIfAbsent(NORTHSIDE, ItemKey.of("QUEUE", "x1"), new Note("x1"));
    notes.putIfAbsent(NORTHSIDE, ItemKey.of("QUEUE", "x2"), new Note("x2"));
    String tableCursor =
        notes.query(NORTHSIDE, ItemQuery.partition("QUEUE").limit(1)).nextCursor().orElseThrow();
    assertEquals(
        400,
        assertThrows(
                ApiProblem.class,
                () -> notes.query(NORTHSIDE, queue.after(Optional.of(tableCursor))))
            .status());
  }

  @Test
  void anItemOfAnotherTenantReachedThroughACorruptIndexEntryIsRefused() {
    // Written past the data layer: harbour's item with an index entry in northside's queue.
    dynalite.client.putItem(
        r ->
            r.tableName(DynaliteTable.NAME)
                .item(
                    Map.of(
                        "pk",
                        AttributeValue.fromS("TENANT#harbour-derm#CASE#stray"),
                        "sk",
                        AttributeValue.fromS("NOTE"),
                        "gsi2pk",
                        AttributeValue.fromS("TENANT#northside-skin#STRAY"),
                        "gsi2sk",
                        AttributeValue.fromS("1"),
                        "tenantId",
                        AttributeValue.fromS("harbour-derm"),
                        "text",
                        AttributeValue.fromS("harbour's"))));

    assertThrows(
        TenantIsolationException.class,
        () -> notes.query(NORTHSIDE, ItemQuery.partition("STRAY").onIndex(IndexKey.Index.GSI2)));
  }

  @Test
  void crossTenantReadsReachOnlyAClinicsOwnItemsAndTheDirectory() {
    SingleTable table = dynalite.singleTable(Clock.systemUTC());
    notes.putIfAbsent(
        HARBOUR,
        ItemKey.inTenant("MEMBER#dr"),
        new Note("dr at harbour"),
        IndexKey.directory(IndexKey.Index.GSI2, "USER#dr", "TENANT#harbour-derm"));
    notes.putIfAbsent(
        NORTHSIDE,
        ItemKey.inTenant("MEMBER#dr"),
        new Note("dr at northside"),
        IndexKey.directory(IndexKey.Index.GSI2, "USER#dr", "TENANT#northside-skin"));
    CrossTenantReads<Note> directory = table.crossTenantReads(Note.SCHEMA);

    assertEquals(
        "dr at harbour", directory.get("harbour-derm", "MEMBER#dr").orElseThrow().record().text());
    assertEquals(
        List.of("harbour-derm", "northside-skin"),
        directory.directory(IndexKey.Index.GSI2, "USER#dr", Optional.empty()).stream()
            .map(StoredItem::tenantId)
            .sorted()
            .toList());
    assertTrue(table.crossTenantKeys().get("northside-skin", "MEMBER#dr").isPresent());
    // Several clinics' items at once, in one batch: still each clinic's own partition only.
    assertEquals(
        Map.of("harbour-derm", "dr at harbour", "northside-skin", "dr at northside"),
        directory
            .getAll(
                List.of("harbour-derm", "northside-skin", "no-such-clinic", "harbour-derm#CASE#x"),
                "MEMBER#dr")
            .entrySet()
            .stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().record().text())));
    // Not a clinic id (it would reach into another partition), and not a directory partition.
    assertEquals(Optional.empty(), directory.get("harbour-derm#CASE#secret", "NOTE"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            directory.directory(
                IndexKey.Index.GSI1, "TENANT#harbour-derm#QUEUE", Optional.empty()));
  }

  @Test
  void aRecordSchemaCannotNameWhatTheDataLayerSets() {
    SingleTable table = dynalite.singleTable(Clock.systemUTC());
    for (String reserved : List.of("pk", "gsi1pk", "tenantId", "version")) {
      TableSchema<Note> schema =
          StaticImmutableTableSchema.builder(Note.class, StringBuilder.class)
              .newItemBuilder(StringBuilder::new, b -> new Note(b.toString()))
              .addAttribute(
                  String.class,
                  a -> a.name(reserved).getter(Note::text).setter(StringBuilder::append))
              .build();
      assertThrows(IllegalArgumentException.class, () -> table.tenantTable(schema), reserved);
    }
  }

  private static Map<String, AttributeValue> raw(String pk, String sk) {
    return rawItem(pk, sk).orElseThrow(() -> new AssertionError("no item " + pk + " / " + sk));
  }

  private static Optional<Map<String, AttributeValue>> rawItem(String pk, String sk) {
    Map<String, AttributeValue> item =
        dynalite
            .client
            .getItem(
                r ->
                    r.tableName(DynaliteTable.NAME)
                        .consistentRead(true)
                        .key(
                            Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}
