package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.JsonTextConverter;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Research exports in the table: {@code TENANT#<id>#RESEARCH_EXPORT#<exportId>} / {@code EXPORT},
 * the record as JSON ({@code doc}) beside its {@code status}, versioned; listed newest first on
 * {@code gsi1} {@code TENANT#<id>#RESEARCH_EXPORTS} / {@code <requestedAt>#<exportId>}.
 */
@Singleton
public final class ResearchExports {
  static final String LIST = "RESEARCH_EXPORTS";

  private final TenantTable<ResearchExport> items;

  @Inject
  public ResearchExports(SingleTable table, ObjectMapper json) {
    this.items = table.tenantTable(schema(json));
  }

  static ItemKey key(String exportId) {
    return ItemKey.of("RESEARCH_EXPORT#" + exportId, "EXPORT");
  }

  public Optional<Stored> find(TenantContext tenant, String exportId) {
    return items.get(tenant, key(exportId)).map(i -> new Stored(i.version(), i.record()));
  }

  /** The export or the exception a workflow step fails with (its input named an export we lack). */
  Stored require(TenantContext tenant, String exportId) {
    return find(tenant, exportId)
        .orElseThrow(() -> new IllegalArgumentException("no such research export"));
  }

  /** Creates it; false when an export of that id exists already (a retried start). */
  boolean create(TenantContext tenant, ResearchExport export) {
    return items.putIfAbsent(tenant, key(export.exportId()), export, index(export));
  }

  /** Writes it on {@code expectedVersion}; returns the new version. */
  long save(TenantContext tenant, ResearchExport export, long expectedVersion) {
    return items.putVersioned(
        tenant, key(export.exportId()), export, expectedVersion, index(export));
  }

  /** One page of the clinic's exports, newest first. */
  Page list(TenantContext tenant, int limit, Optional<String> cursor) {
    ItemPage<ResearchExport> page =
        items.query(
            tenant,
            ItemQuery.partition(LIST)
                .onIndex(IndexKey.Index.GSI1)
                .limit(limit)
                .after(cursor)
                .newestFirst());
    return new Page(
        page.items().stream().map(i -> new Stored(i.version(), i.record())).toList(),
        page.nextCursor());
  }

  private static IndexKey index(ResearchExport export) {
    return IndexKey.of(IndexKey.Index.GSI1, LIST, export.requestedAt() + "#" + export.exportId());
  }

  /** The whole export as JSON text in {@code doc}; {@code status} beside it for a reader. */
  private static TableSchema<ResearchExport> schema(ObjectMapper json) {
    return StaticImmutableTableSchema.builder(ResearchExport.class, Holder.class)
        .newItemBuilder(Holder::new, holder -> holder.export)
        .addAttribute(
            String.class, a -> a.name("type").getter(e -> "RESEARCH_EXPORT").setter((h, v) -> {}))
        .addAttribute(
            String.class, a -> a.name("status").getter(ResearchExport::status).setter((h, v) -> {}))
        .addAttribute(
            ResearchExport.class,
            a ->
                a.name("doc")
                    .getter(e -> e)
                    .setter((h, v) -> h.export = v)
                    .attributeConverter(
                        JsonTextConverter.of(
                            ResearchExport.class, e -> write(json, e), text -> read(json, text))))
        .build();
  }

  private static final class Holder {
    ResearchExport export;
  }

  private static String write(ObjectMapper json, ResearchExport export) {
    try {
      return json.writeValueAsString(export);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("an export cannot be written", e);
    }
  }

  private static ResearchExport read(ObjectMapper json, String text) {
    try {
      return json.readValue(text, ResearchExport.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("an export cannot be read", e);
    }
  }

  /** An export as read, with the version a change must be conditioned on. */
  public record Stored(long version, ResearchExport export) {}

  record Page(List<Stored> exports, Optional<String> nextCursor) {}
}
