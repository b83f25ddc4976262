package com.dermrelay.cases;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.TenantItems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of what the dermatologist and the patient exchange about a case, kept in the case's
 * partition ({@code TENANT#<id>#CASE#<caseId>}) next to the case and its review item, each one
 * JSON document ({@code doc}) under a sort key {@code <KIND>#<round, 3 digits>} (so the latest
 * sorts last): {@code ANSWER}, {@code QUESTION}, {@code REPLY}, {@code FOLLOWUP}; and the
 * dermatologist's draft, {@code ANSWER_DRAFT#<sub>}. Sent items are written once
 * ({@link TenantItems#putIfAbsent}: a retry finds its own), drafts on their version.
 */
@Singleton
public final class CaseExchangeItems {
  private final TenantItems items;
  private final ObjectMapper json;

  @Inject
  public CaseExchangeItems(TenantItems items, ObjectMapper json) {
    this.items = items;
    this.json = json;
  }

  public static ItemKey key(String caseId, String kind, int round) {
    return ItemKey.of("CASE#" + caseId, kind + "#" + String.format("%03d", round));
  }

  /** A document as read, with its version (1 for items written once). */
  public record Stored<T>(long version, T document) {}

  /** Writes the document unless the item exists; false when it did (nothing written). */
  public <T> boolean putIfAbsent(TenantContext tenant, ItemKey key, String type, T document) {
    return items.putIfAbsent(tenant, key, attributes(type, document));
  }

  /** Writes the document on {@code expectedVersion} (0: new); returns the new version. */
  public <T> long putVersioned(TenantContext tenant, ItemKey key, String type, T document, long expectedVersion) {
    return items.putVersioned(tenant, key, attributes(type, document), expectedVersion);
  }

  public <T> Optional<Stored<T>> get(TenantContext tenant, ItemKey key, Class<T> type) {
    return items.get(tenant, key).map(item -> read(item, type));
  }

  /** The item of {@code kind} with the highest round, if any. */
  public <T> Optional<Stored<T>> latest(TenantContext tenant, String caseId, String kind, Class<T> type) {
    List<Map<String, AttributeValue>> found = items.query(tenant, ItemQuery.partition("CASE#" + caseId)
        .sortBeginsWith(kind + "#").newestFirst().limit(1)).items();
    return found.stream().findFirst().map(item -> read(item, type));
  }

  /**
   * Every sent item of the case (answers, questions, replies, follow-ups; not drafts) in one
   * Query of its partition, by sort key ({@code <KIND>#<round>}).
   */
  public Map<String, Map<String, AttributeValue>> sentItems(TenantContext tenant, String caseId) {
    Map<String, Map<String, AttributeValue>> found = new java.util.TreeMap<>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = items.query(tenant, ItemQuery.partition("CASE#" + caseId).after(cursor));
      for (Map<String, AttributeValue> item : page.items()) {
        String sort = item.get("sk").s();
        if (SENT_KINDS.contains(sort.substring(0, Math.max(0, sort.indexOf('#'))))) {
          found.put(sort, item);
        }
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return found;
  }

  /** The document of an item {@link #sentItems} found. */
  public <T> T document(Map<String, AttributeValue> item, Class<T> type) {
    return read(item, type).document();
  }

  private static final java.util.Set<String> SENT_KINDS = java.util.Set.of("ANSWER", "QUESTION", "REPLY", "FOLLOWUP");

  private <T> Map<String, AttributeValue> attributes(String type, T document) {
    Map<String, AttributeValue> attributes = new HashMap<>();
    attributes.put("type", AttributeValue.fromS(type));
    try {
      attributes.put("doc", AttributeValue.fromS(json.writeValueAsString(document)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a " + type + " cannot be written", e);
    }
    return attributes;
  }

  private <T> Stored<T> read(Map<String, AttributeValue> item, Class<T> type) {
    try {
      return new Stored<>(Long.parseLong(item.get(TenantItems.VERSION).n()),
          json.readValue(item.get("doc").s(), type));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stored " + type.getSimpleName() + " cannot be read", e);
    }
  }
}
