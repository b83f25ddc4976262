package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.ItemPage;
import com.dermrelay.core.data.ItemQuery;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.StoredItem;
import com.dermrelay.core.data.TenantTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Review items in the table, {@code TENANT#<id>#CASE#<caseId>} / {@code REVIEW}. While a case waits
 * for review it is on its clinic's queue, {@code gsi1}: {@code TENANT#<id>#QUEUE} / {@code
 * <rank>#<dueAt>#<caseId>} (rank 1 URGENT, 2 SOON, 3 ROUTINE), so one Query per clinic reads its
 * most pressing cases first, however many are queued; a case offered first to one dermatologist is
 * also on {@code gsi2}: {@code TENANT#<id>#QUEUE#PREFERRED#<sub>} / the same sort key. Claims stay
 * on the queue: an expired lease is no claim, with nothing to clean up. Every change is one
 * conditional write on the version (409 to the loser of a race).
 */
@Singleton
public final class ReviewStore {
  static final String QUEUE = "QUEUE";

  /** Above every queue sort key (rank 1-3). */
  private static final String QUEUE_END = "4";

  private final TenantTable<ReviewItem> items;

  @Inject
  public ReviewStore(SingleTable table) {
    this.items = table.tenantTable(SCHEMA);
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
    return items.get(tenant, key(caseId)).map(ReviewStore::stored);
  }

  /**
   * Writes the item on {@code expectedVersion} (0: new) and returns the new version.
   *
   * @throws com.dermrelay.core.data.VersionConflictException if another write came first
   */
  public long save(TenantContext tenant, ReviewItem item, long expectedVersion) {
    List<IndexKey> indexes = new ArrayList<>();
    if (item.waitingFor() == ReviewItem.Wait.REVIEW
        && item.priority() != null
        && item.dueAt() != null) {
      indexes.add(IndexKey.of(IndexKey.Index.GSI1, QUEUE, queueSort(item)));
      if (item.preferredDermatologistId() != null) {
        indexes.add(
            IndexKey.of(
                IndexKey.Index.GSI2,
                QUEUE + "#PREFERRED#" + item.preferredDermatologistId(),
                queueSort(item)));
      }
    }
    return items.putVersioned(
        tenant, key(item.caseId()), item, expectedVersion, indexes.toArray(IndexKey[]::new));
  }

  /** One page of the clinic's queue, most urgent and soonest due first. */
  public Page queue(TenantContext tenant, int limit, Optional<String> cursor) {
    return page(
        items.query(
            tenant,
            ItemQuery.partition(QUEUE).onIndex(IndexKey.Index.GSI1).limit(limit).after(cursor)));
  }

  /**
   * One page of the clinic's queue after the queue position {@code after} (a {@link #queueSort}
   * key; empty: from the start), for a worklist that merges clinics and keeps its own positions.
   */
  public Page queueAfter(TenantContext tenant, String after, int limit) {
    ItemQuery queue = ItemQuery.partition(QUEUE).onIndex(IndexKey.Index.GSI1).limit(limit);
    if (!after.isEmpty()) {
      // Every sort key after `after` is greater than `after` + any suffix: keys have one shape.
      queue = queue.sortBetween(after + "\u0001", QUEUE_END);
    }
    return page(items.query(tenant, queue));
  }

  /** One page of the cases offered first to {@code dermatologist}, in queue order. */
  public Page preferredQueue(
      TenantContext tenant, String dermatologist, int limit, Optional<String> cursor) {
    return page(
        items.query(
            tenant,
            ItemQuery.partition(QUEUE + "#PREFERRED#" + dermatologist)
                .onIndex(IndexKey.Index.GSI2)
                .limit(limit)
                .after(cursor)));
  }

  /** Review items of one page and the cursor of the next. */
  public record Page(List<StoredReview> reviews, Optional<String> nextCursor) {}

  /** A review item as read, with the version a change must be conditioned on. */
  public record StoredReview(long version, ReviewItem item) {}

  private static Page page(ItemPage<ReviewItem> page) {
    return new Page(page.items().stream().map(ReviewStore::stored).toList(), page.nextCursor());
  }

  private static StoredReview stored(StoredItem<ReviewItem> item) {
    return new StoredReview(item.version(), item.record());
  }

  /**
   * The review item's attributes (docs/data-model.md); built from lambdas, no reflection (decision
   * 0018).
   */
  static final TableSchema<ReviewItem> SCHEMA =
      StaticImmutableTableSchema.builder(ReviewItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(r -> "REVIEW").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a -> a.name("caseId").getter(ReviewItem::caseId).setter((b, v) -> b.caseId = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("patientSubject")
                      .getter(ReviewItem::patientSubject)
                      .setter((b, v) -> b.patientSubject = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("waitingFor")
                      .getter(r -> r.waitingFor().name())
                      .setter((b, v) -> b.waitingFor = ReviewItem.Wait.valueOf(v)))
          .addAttribute(
              String.class,
              a ->
                  a.name("taskToken")
                      .getter(ReviewItem::taskToken)
                      .setter((b, v) -> b.taskToken = v))
          .addAttribute(
              String.class,
              a -> a.name("priority").getter(ReviewItem::priority).setter((b, v) -> b.priority = v))
          .addAttribute(
              String.class,
              a -> a.name("dueAt").getter(ReviewItem::dueAt).setter((b, v) -> b.dueAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("claimedBy")
                      .getter(ReviewItem::claimedBy)
                      .setter((b, v) -> b.claimedBy = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name("claimedUntil")
                      .getter(ReviewItem::claimedUntil)
                      .setter((b, v) -> b.claimedUntil = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("preferredDermatologistId")
                      .getter(ReviewItem::preferredDermatologistId)
                      .setter((b, v) -> b.preferredDermatologistId = v))
          .build();

  private static final class Builder {
    String caseId;
    String patientSubject;
    ReviewItem.Wait waitingFor;
    String taskToken;
    String priority;
    String dueAt;
    String claimedBy;
    Long claimedUntil;
    String preferredDermatologistId;

    ReviewItem build() {
      return new ReviewItem(
          caseId,
          patientSubject,
          waitingFor,
          taskToken,
          priority,
          dueAt,
          claimedBy,
          claimedUntil == null ? 0 : claimedUntil,
          preferredDermatologistId);
    }
  }
}
