package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.data.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Cases whose workflow may have lost what the API stored for it: an answer (or a reply) was stored
 * but its wait's token no longer ended anything ({@link TaskCompletions} saw it stale with no new
 * wait). One item per case beside it, {@code TENANT#<id>#CASE#<caseId>} / {@code RECONCILE}; while
 * pending it is on {@code gsi1} {@code TENANT#<id>#RECONCILE} / caseId (a sparse index: resolving
 * drops the index key), so the reconciler finds a clinic's marked cases with one Query.
 */
@Singleton
public final class ReconcileMarks {
  static final String PENDING = "RECONCILE";

  private final TenantTable<Mark> items;

  @Inject
  public ReconcileMarks(SingleTable table) {
    this.items = table.tenantTable(SCHEMA);
  }

  /** Why and when a case was marked; {@code pending} until the reconciler dealt with it. */
  public record Mark(String caseId, String markedAt, boolean pending) {}

  /** A pending mark as read, with the version resolving it is conditioned on. */
  public record Pending(String caseId, String markedAt, long version) {}

  private static ItemKey key(String caseId) {
    return ItemKey.of("CASE#" + caseId, PENDING);
  }

  /** Marks the case for the reconciler (again, if an earlier mark was resolved). Idempotent. */
  public void mark(TenantContext tenant, String caseId) {
    Mark mark = new Mark(caseId, tenant.requestTime().toString(), true);
    IndexKey pending = IndexKey.of(IndexKey.Index.GSI1, PENDING, caseId);
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<StoredItem<Mark>> current = items.get(tenant, key(caseId));
      if (current.isPresent() && current.get().record().pending()) {
        return;
      }
      try {
        items.putVersioned(
            tenant, key(caseId), mark, current.map(StoredItem::version).orElse(0L), pending);
        return;
      } catch (VersionConflictException e) {
        // someone else marked or resolved it: read again
      }
    }
  }

  /** Every pending mark of the clinic (paged Query of the sparse index). */
  public List<Pending> pending(TenantContext tenant) {
    List<Pending> found = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      ItemPage<Mark> page =
          items.query(
              tenant,
              ItemQuery.partition(PENDING).onIndex(IndexKey.Index.GSI1).limit(100).after(cursor));
      for (StoredItem<Mark> item : page.items()) {
        found.add(new Pending(item.record().caseId(), item.record().markedAt(), item.version()));
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return found;
  }

  /** The mark was dealt with: it leaves the index. False when it changed since it was read. */
  public boolean resolve(TenantContext tenant, Pending mark) {
    try {
      items.putVersioned(
          tenant,
          key(mark.caseId()),
          new Mark(mark.caseId(), mark.markedAt(), false),
          mark.version());
      return true;
    } catch (VersionConflictException e) {
      return false;
    }
  }

  static final TableSchema<Mark> SCHEMA =
      StaticImmutableTableSchema.builder(Mark.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(r -> "RECONCILE").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a -> a.name("caseId").getter(Mark::caseId).setter((b, v) -> b.caseId = v))
          .addAttribute(
              String.class,
              a -> a.name("markedAt").getter(Mark::markedAt).setter((b, v) -> b.markedAt = v))
          .addAttribute(
              Boolean.class,
              a -> a.name("pending").getter(Mark::pending).setter((b, v) -> b.pending = v))
          .build();

  private static final class Builder {
    String caseId;
    String markedAt;
    Boolean pending;

    Mark build() {
      return new Mark(caseId, markedAt, Boolean.TRUE.equals(pending));
    }
  }
}
