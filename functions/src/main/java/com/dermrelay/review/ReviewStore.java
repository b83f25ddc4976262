package com.dermrelay.review;

import static com.dermrelay.core.data.Attributes.putText;
import static com.dermrelay.core.data.Attributes.text;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.TenantItems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Review items in the table, {@code TENANT#<id>#CASE#<caseId>} / {@code REVIEW}. While a case waits
 * for review it is on its clinic's queue, {@code gsi1}: {@code TENANT#<id>#QUEUE} /
 * {@code <rank>#<dueAt>#<caseId>} (rank 1 URGENT, 2 SOON, 3 ROUTINE), so one Query per clinic
 * reads its most pressing cases first, however many are queued; a case offered first to one
 * dermatologist is also on {@code gsi2}: {@code TENANT#<id>#QUEUE#PREFERRED#<sub>} / the same
 * sort key. Claims stay on the queue: an expired lease is no claim, with nothing to clean up.
 * Every change is one conditional write on the version (409 to the loser of a race).
 */
@Singleton
public final class ReviewStore {
  static final String QUEUE = "QUEUE";

  private final TenantItems items;

  @Inject
  public ReviewStore(TenantItems items) {
    this.items = items;
  }

  static ItemKey key(String caseId) {
    return ItemKey.of("CASE#" + caseId, "REVIEW");
  }

  /** The queue's sort key: most urgent, then soonest due, first. */
  static String queueSort(ReviewItem item) {
    return rank(item.priority()) + "#" + item.dueAt() + "#" + item.caseId();
  }

  static int rank(String priority) {
    return switch (priority) {
      case "URGENT" -> 1;
      case "SOON" -> 2;
      default -> 3;
    };
  }

  public Optional<StoredReview> find(TenantContext tenant, String caseId) {
    return items.get(tenant, key(caseId)).map(ReviewStore::fromItem);
  }

  /**
   * Writes the item on {@code expectedVersion} (0: new) and returns the new version.
   *
   * @throws com.dermrelay.core.data.VersionConflictException if another write came first
   */
  public long save(TenantContext tenant, ReviewItem item, long expectedVersion) {
    Map<String, AttributeValue> attributes = new HashMap<>();
    attributes.put("type", AttributeValue.fromS("REVIEW"));
    attributes.put("caseId", AttributeValue.fromS(item.caseId()));
    attributes.put("patientSubject", AttributeValue.fromS(item.patientSubject()));
    attributes.put("waitingFor", AttributeValue.fromS(item.waitingFor().name()));
    putText(attributes, "taskToken", item.taskToken());
    putText(attributes, "priority", item.priority());
    putText(attributes, "dueAt", item.dueAt());
    putText(attributes, "claimedBy", item.claimedBy());
    attributes.put("claimedUntil", AttributeValue.fromN(Long.toString(item.claimedUntil())));
    putText(attributes, "preferredDermatologistId", item.preferredDermatologistId());
    List<IndexKey> indexes = new ArrayList<>();
    if (item.waitingFor() == ReviewItem.Wait.REVIEW && item.priority() != null && item.dueAt() != null) {
      indexes.add(IndexKey.of(IndexKey.Index.GSI1, QUEUE, queueSort(item)));
      if (item.preferredDermatologistId() != null) {
        indexes.add(IndexKey.of(IndexKey.Index.GSI2,
            QUEUE + "#PREFERRED#" + item.preferredDermatologistId(), queueSort(item)));
      }
    }
    return items.putVersioned(tenant, key(item.caseId()), attributes, expectedVersion,
        indexes.toArray(IndexKey[]::new));
  }

  /** One page of the clinic's queue, most urgent and soonest due first. */
  public Page queue(TenantContext tenant, int limit, Optional<String> cursor) {
    ItemPage page = items.query(tenant, ItemQuery.partition(QUEUE)
        .onIndex(IndexKey.Index.GSI1).limit(limit).after(cursor));
    return new Page(page.items().stream().map(ReviewStore::fromItem).toList(), page.nextCursor());
  }

  /** One page of the cases offered first to {@code dermatologist}, in queue order. */
  public Page preferredQueue(TenantContext tenant, String dermatologist, int limit,
      Optional<String> cursor) {
    ItemPage page = items.query(tenant, ItemQuery.partition(QUEUE + "#PREFERRED#" + dermatologist)
        .onIndex(IndexKey.Index.GSI2).limit(limit).after(cursor));
    return new Page(page.items().stream().map(ReviewStore::fromItem).toList(), page.nextCursor());
  }

  /** Review items of one page and the cursor of the next. */
  public record Page(List<StoredReview> reviews, Optional<String> nextCursor) {}

  /** A review item as read, with the version a change must be conditioned on. */
  public record StoredReview(long version, ReviewItem item) {}

  private static StoredReview fromItem(Map<String, AttributeValue> item) {
    return new StoredReview(Long.parseLong(item.get(TenantItems.VERSION).n()), new ReviewItem(
        item.get("caseId").s(),
        item.get("patientSubject").s(),
        ReviewItem.Wait.valueOf(item.get("waitingFor").s()),
        text(item, "taskToken"),
        text(item, "priority"),
        text(item, "dueAt"),
        text(item, "claimedBy"),
        item.containsKey("claimedUntil") ? Long.parseLong(item.get("claimedUntil").n()) : 0,
        text(item, "preferredDermatologistId")));
  }
}
