package com.dermrelay.fhir.delivery;

import static com.dermrelay.core.data.Attributes.putText;
import static com.dermrelay.core.data.Attributes.text;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.TenantItems;
import com.dermrelay.core.data.VersionConflictException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Delivery items in the case's partition: {@code TENANT#<id>#CASE#<caseId>} /
 * {@code EHR#<round, 3 digits>}. Only while a delivery is FAILED does it carry a {@code gsi1}
 * entry, {@code TENANT#<id>#EHR#FAILED} / {@code <lastAttemptAt>#<caseId>#<round>}: the console's
 * list of failures is one Query of a partition that holds nothing else, and a success drops the
 * entry (sparse index). Every change is one conditional write on the version.
 */
@Singleton
public final class EhrDeliveryStore {
  static final String FAILED_PARTITION = "EHR#FAILED";

  private final TenantItems items;

  @Inject
  public EhrDeliveryStore(TenantItems items) {
    this.items = items;
  }

  record Stored(long version, EhrDelivery delivery) {}

  static ItemKey key(String caseId, int round) {
    return ItemKey.of("CASE#" + caseId, "EHR#" + String.format("%03d", round));
  }

  public Optional<EhrDelivery> find(TenantContext tenant, String caseId, int round) {
    return load(tenant, caseId, round).map(Stored::delivery);
  }

  Optional<Stored> load(TenantContext tenant, String caseId, int round) {
    return items.get(tenant, key(caseId, round)).map(EhrDeliveryStore::fromItem);
  }

  /** Creates the PENDING record unless one exists; true when this call created it. */
  public boolean createPending(TenantContext tenant, String caseId, int round) {
    return items.putIfAbsent(tenant, key(caseId, round), attributes(EhrDelivery.pending(caseId, round)));
  }

  /**
   * Applies {@code change} to the current record (a PENDING one when there is none), retrying on
   * a concurrent write; returns what was written.
   */
  public EhrDelivery update(TenantContext tenant, String caseId, int round, UnaryOperator<EhrDelivery> change) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<Stored> current = load(tenant, caseId, round);
      EhrDelivery before = current.map(Stored::delivery).orElse(EhrDelivery.pending(caseId, round));
      EhrDelivery after = change.apply(before);
      try {
        items.putVersioned(tenant, key(caseId, round), attributes(after),
            current.map(Stored::version).orElse(0L), indexes(after));
        return after;
      } catch (VersionConflictException raced) {
        // another attempt wrote first: read again
      }
    }
    throw new VersionConflictException();
  }

  /** One page of FAILED deliveries, most recent attempt first. */
  public Page failed(TenantContext tenant, int limit, Optional<String> cursor) {
    ItemPage page = items.query(tenant, ItemQuery.partition(FAILED_PARTITION).onIndex(IndexKey.Index.GSI1)
        .newestFirst().limit(limit).after(cursor));
    return new Page(page.items().stream().map(EhrDeliveryStore::fromItem).map(Stored::delivery).toList(),
        page.nextCursor());
  }

  public record Page(List<EhrDelivery> items, Optional<String> nextCursor) {}

  private static IndexKey[] indexes(EhrDelivery delivery) {
    if (!EhrDelivery.FAILED.equals(delivery.status())) {
      return new IndexKey[0];
    }
    String at = delivery.lastAttemptAt() == null ? "" : delivery.lastAttemptAt();
    return new IndexKey[] {IndexKey.of(IndexKey.Index.GSI1, FAILED_PARTITION,
        at + "#" + delivery.caseId() + "#" + String.format("%03d", delivery.round()))};
  }

  private static Map<String, AttributeValue> attributes(EhrDelivery d) {
    Map<String, AttributeValue> a = new HashMap<>();
    a.put("type", AttributeValue.fromS("EHR_DELIVERY"));
    a.put("caseId", AttributeValue.fromS(d.caseId()));
    a.put("round", AttributeValue.fromN(Integer.toString(d.round())));
    a.put("status", AttributeValue.fromS(d.status()));
    a.put("attempts", AttributeValue.fromN(Integer.toString(d.attempts())));
    putText(a, "lastAttemptAt", d.lastAttemptAt());
    putText(a, "lastReason", d.lastReason());
    putText(a, "deliveredAt", d.deliveredAt());
    if (!d.locations().isEmpty()) {
      a.put("locations", AttributeValue.fromL(d.locations().stream().map(AttributeValue::fromS).toList()));
    }
    return a;
  }

  private static Stored fromItem(Map<String, AttributeValue> item) {
    List<String> locations = item.containsKey("locations")
        ? item.get("locations").l().stream().map(AttributeValue::s).toList() : List.of();
    EhrDelivery delivery = new EhrDelivery(item.get("caseId").s(), Integer.parseInt(item.get("round").n()),
        item.get("status").s(), Integer.parseInt(item.get("attempts").n()), text(item, "lastAttemptAt"),
        text(item, "lastReason"), text(item, "deliveredAt"), locations);
    return new Stored(Long.parseLong(item.get(TenantItems.VERSION).n()), delivery);
  }
}
