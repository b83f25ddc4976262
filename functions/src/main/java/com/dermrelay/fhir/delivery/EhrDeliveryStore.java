package com.dermrelay.fhir.delivery;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.data.VersionConflictException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Delivery items in the case's partition: {@code TENANT#<id>#CASE#<caseId>} / {@code EHR#<round, 3
 * digits>}. Only while a delivery is FAILED does it carry a {@code gsi1} entry, {@code
 * TENANT#<id>#EHR#FAILED} / {@code <lastAttemptAt>#<caseId>#<round>}: the console's list of
 * failures is one Query of a partition that holds nothing else, and a success drops the entry
 * (sparse index). Every change is one conditional write on the version.
 */
@Singleton
public final class EhrDeliveryStore {
  static final String FAILED_PARTITION = "EHR#FAILED";

  private final TenantTable<EhrDelivery> items;

  @Inject
  public EhrDeliveryStore(SingleTable table) {
    this.items = table.tenantTable(SCHEMA);
  }

  record Stored(long version, EhrDelivery delivery) {}

  static ItemKey key(String caseId, int round) {
    return ItemKey.of("CASE#" + caseId, "EHR#" + String.format("%03d", round));
  }

  public Optional<EhrDelivery> find(TenantContext tenant, String caseId, int round) {
    return load(tenant, caseId, round).map(Stored::delivery);
  }

  Optional<Stored> load(TenantContext tenant, String caseId, int round) {
    return items.get(tenant, key(caseId, round)).map(EhrDeliveryStore::stored);
  }

  /** Creates the PENDING record unless one exists; true when this call created it. */
  public boolean createPending(TenantContext tenant, String caseId, int round) {
    return items.putIfAbsent(tenant, key(caseId, round), EhrDelivery.pending(caseId, round));
  }

  /**
   * Applies {@code change} to the current record (a PENDING one when there is none), retrying on a
   * concurrent write; returns what was written.
   */
  public EhrDelivery update(
      TenantContext tenant, String caseId, int round, UnaryOperator<EhrDelivery> change) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<Stored> current = load(tenant, caseId, round);
      EhrDelivery before = current.map(Stored::delivery).orElse(EhrDelivery.pending(caseId, round));
      EhrDelivery after = change.apply(before);
      try {
        items.putVersioned(
            tenant,
            key(caseId, round),
            after,
            current.map(Stored::version).orElse(0L),
            indexes(after));
        return after;
      } catch (VersionConflictException raced) {
        // another attempt wrote first: read again
      }
    }
    throw new VersionConflictException();
  }

  /** One page of FAILED deliveries, most recent attempt first. */
  public Page failed(TenantContext tenant, int limit, Optional<String> cursor) {
    ItemPage<EhrDelivery> page =
        items.query(
            tenant,
            ItemQuery.partition(FAILED_PARTITION)
                .onIndex(IndexKey.Index.GSI1)
                .newestFirst()
                .limit(limit)
                .after(cursor));
    return new Page(page.records(), page.nextCursor());
  }

  public record Page(List<EhrDelivery> items, Optional<String> nextCursor) {}

  private static IndexKey[] indexes(EhrDelivery delivery) {
    if (!EhrDelivery.FAILED.equals(delivery.status())) {
      return new IndexKey[0];
    }
    String at = delivery.lastAttemptAt() == null ? "" : delivery.lastAttemptAt();
    return new IndexKey[] {
      IndexKey.of(
          IndexKey.Index.GSI1,
          FAILED_PARTITION,
          at + "#" + delivery.caseId() + "#" + String.format("%03d", delivery.round()))
    };
  }

  private static Stored stored(StoredItem<EhrDelivery> item) {
    return new Stored(item.version(), item.record());
  }

  /**
   * The delivery item's attributes (docs/data-model.md); {@code locations} only when there are
   * some. Built from lambdas, no reflection (decision 0018).
   */
  static final TableSchema<EhrDelivery> SCHEMA =
      StaticImmutableTableSchema.builder(EhrDelivery.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(d -> "EHR_DELIVERY").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a -> a.name("caseId").getter(EhrDelivery::caseId).setter((b, v) -> b.caseId = v))
          .addAttribute(
              Integer.class,
              a -> a.name("round").getter(EhrDelivery::round).setter((b, v) -> b.round = v))
          .addAttribute(
              String.class,
              a -> a.name("status").getter(EhrDelivery::status).setter((b, v) -> b.status = v))
          .addAttribute(
              Integer.class,
              a ->
                  a.name("attempts").getter(EhrDelivery::attempts).setter((b, v) -> b.attempts = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("lastAttemptAt")
                      .getter(EhrDelivery::lastAttemptAt)
                      .setter((b, v) -> b.lastAttemptAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("lastReason")
                      .getter(EhrDelivery::lastReason)
                      .setter((b, v) -> b.lastReason = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("deliveredAt")
                      .getter(EhrDelivery::deliveredAt)
                      .setter((b, v) -> b.deliveredAt = v))
          .addAttribute(
              EnhancedType.listOf(String.class),
              a ->
                  a.name("locations")
                      .getter(d -> d.locations().isEmpty() ? null : d.locations())
                      .setter((b, v) -> b.locations = v))
          .build();

  private static final class Builder {
    String caseId;
    Integer round;
    String status;
    Integer attempts;
    String lastAttemptAt;
    String lastReason;
    String deliveredAt;
    List<String> locations;

    EhrDelivery build() {
      return new EhrDelivery(
          caseId, round, status, attempts, lastAttemptAt, lastReason, deliveredAt, locations);
    }
  }
}
