package com.dermrelay.cases;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The items of what the dermatologist and the patient exchange about a case, kept in the case's
 * partition ({@code TENANT#<id>#CASE#<caseId>}) next to the case and its review item, each one JSON
 * document ({@code doc}) under a sort key {@code <KIND>#<round, 3 digits>} (so the latest sorts
 * last): {@code ANSWER}, {@code QUESTION}, {@code REPLY}, {@code FOLLOWUP}; and the dermatologist's
 * draft, {@code ANSWER_DRAFT#<sub>}. Sent items are written once ({@link TenantTable#putIfAbsent}:
 * a retry finds its own), drafts on their version.
 */
@Singleton
public final class CaseExchangeItems {
  private static final Set<String> SENT_KINDS = Set.of("ANSWER", "QUESTION", "REPLY", "FOLLOWUP");

  private final TenantTable<Exchange> items;
  private final ObjectMapper json;

  @Inject
  public CaseExchangeItems(SingleTable table, ObjectMapper json) {
    this.items = table.tenantTable(Exchange.SCHEMA);
    this.json = json;
  }

  public static ItemKey key(String caseId, String kind, int round) {
    return ItemKey.of("CASE#" + caseId, kind + "#" + String.format("%03d", round));
  }

  /** A document as read, with its version (1 for items written once). */
  public record Stored<T>(long version, T document) {}

  /**
   * One exchange item as stored: its kind ({@code type}: ANSWER, QUESTION, ...) and its document as
   * JSON text ({@code doc}), read into the caller's type by {@link #document}.
   */
  public record Exchange(String type, String doc) {
    /** Built from lambdas, no reflection (decision 0018). */
    static final TableSchema<Exchange> SCHEMA =
        StaticImmutableTableSchema.builder(Exchange.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(
                String.class,
                a -> a.name("type").getter(Exchange::type).setter((b, v) -> b.type = v))
            .addAttribute(
                String.class, a -> a.name("doc").getter(Exchange::doc).setter((b, v) -> b.doc = v))
            .build();

    private static final class Builder {
      String type;
      String doc;

      Exchange build() {
        return new Exchange(type, doc);
      }
    }
  }

  /** Writes the document unless the item exists; false when it did (nothing written). */
  public <T> boolean putIfAbsent(TenantContext tenant, ItemKey key, String type, T document) {
    return items.putIfAbsent(tenant, key, exchange(type, document));
  }

  /** Writes the document on {@code expectedVersion} (0: new); returns the new version. */
  public <T> long putVersioned(
      TenantContext tenant, ItemKey key, String type, T document, long expectedVersion) {
    return items.putVersioned(tenant, key, exchange(type, document), expectedVersion);
  }

  public <T> Optional<Stored<T>> get(TenantContext tenant, ItemKey key, Class<T> type) {
    return items.get(tenant, key).map(item -> read(item, type));
  }

  /** The item of {@code kind} with the highest round, if any. */
  public <T> Optional<Stored<T>> latest(
      TenantContext tenant, String caseId, String kind, Class<T> type) {
    return items
        .query(
            tenant,
            ItemQuery.partition("CASE#" + caseId).sortBeginsWith(kind + "#").newestFirst().limit(1))
        .items()
        .stream()
        .findFirst()
        .map(item -> read(item, type));
  }

  /**
   * Every sent item of the case (answers, questions, replies, follow-ups; not drafts) in one Query
   * of its partition, by sort key ({@code <KIND>#<round>}).
   */
  public Map<String, Exchange> sentItems(TenantContext tenant, String caseId) {
    Map<String, Exchange> found = new TreeMap<>();
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage<Exchange> page =
          items.query(tenant, ItemQuery.partition("CASE#" + caseId).after(cursor));
      for (StoredItem<Exchange> item : page.items()) {
        String sort = item.sort();
        if (SENT_KINDS.contains(sort.substring(0, Math.max(0, sort.indexOf('#'))))) {
          found.put(sort, item.record());
        }
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return found;
  }

  /** The document of an item {@link #sentItems} found. */
  public <T> T document(Exchange item, Class<T> type) {
    try {
      return json.readValue(item.doc(), type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stored " + type.getSimpleName() + " cannot be read", e);
    }
  }

  private <T> Exchange exchange(String type, T document) {
    try {
      return new Exchange(type, json.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a " + type + " cannot be written", e);
    }
  }

  private <T> Stored<T> read(StoredItem<Exchange> item, Class<T> type) {
    return new Stored<>(item.version(), document(item.record(), type));
  }
}
