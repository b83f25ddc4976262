package com.dermrelay.templates;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The clinic's answer templates, in one partition ({@code TENANT#<id>#TEMPLATES}), each one JSON
 * document under {@code TEMPLATE#<templateId>}; every write is conditioned on the version read.
 */
@Singleton
public final class TemplateItems {
  private static final String PARTITION = "TEMPLATES";
  private static final String SORT = "TEMPLATE#";

  private final TenantTable<TemplateItem> items;
  private final ObjectMapper json;

  @Inject
  public TemplateItems(SingleTable table, ObjectMapper json) {
    this.items = table.tenantTable(TemplateItem.SCHEMA);
    this.json = json;
  }

  /** A stored document and its version. */
  record Stored(long version, TemplateDocument document) {}

  /** The item's one attribute besides the data layer's keys and version. */
  record TemplateItem(String doc) {
    /** Built from lambdas, no reflection (decision 0018). */
    static final TableSchema<TemplateItem> SCHEMA =
        StaticImmutableTableSchema.builder(TemplateItem.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(
                String.class,
                a -> a.name("doc").getter(TemplateItem::doc).setter((b, v) -> b.doc = v))
            .build();

    private static final class Builder {
      String doc;

      TemplateItem build() {
        return new TemplateItem(doc);
      }
    }
  }

  private static ItemKey key(String templateId) {
    return ItemKey.of(PARTITION, SORT + templateId);
  }

  /** The template, deleted ones included (as tombstones). */
  Optional<Stored> get(TenantContext tenant, String templateId) {
    return items.get(tenant, key(templateId)).map(this::read);
  }

  /**
   * Writes the document on {@code expectedVersion} (0: new); returns the new version.
   *
   * @throws com.dermrelay.core.data.VersionConflictException if another write came first
   */
  long put(TenantContext tenant, TemplateDocument document, long expectedVersion) {
    return items.putVersioned(tenant, key(document.id()), item(document), expectedVersion);
  }

  /** Every template of the clinic, tombstones included, by id. */
  List<Stored> all(TenantContext tenant) {
    List<Stored> found = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage<TemplateItem> page =
          items.query(
              tenant, ItemQuery.partition(PARTITION).sortBeginsWith(SORT).after(cursor).limit(100));
      page.items().forEach(i -> found.add(read(i)));
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return found;
  }

  private TemplateItem item(TemplateDocument document) {
    try {
      return new TemplateItem(json.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a template cannot be written", e);
    }
  }

  private Stored read(StoredItem<TemplateItem> item) {
    try {
      return new Stored(
          item.version(), json.readValue(item.record().doc(), TemplateDocument.class));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stored template cannot be read", e);
    }
  }
}
