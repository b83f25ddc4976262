package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;

/**
 * How many cases wait on a clinic's review queue, and how many of them are past their due time (an
 * SLA breach still open), from one Query of at most {@code max} queue items (the operator console):
 * bounded whatever the clinic's size, so a longer queue is reported as incomplete, never guessed.
 */
public final class QueueCounts {
  private final ReviewStore reviews;

  @Inject
  public QueueCounts(ReviewStore reviews) {
    this.reviews = reviews;
  }

  /**
   * @param complete false when the queue held more than {@code max} cases: the figures are then "at
   *     least"
   */
  public record Counts(int waiting, int overdue, boolean complete) {}

  public Counts count(TenantContext tenant, int max) {
    ReviewStore.Page queue = reviews.queue(tenant, max, Optional.empty());
    Instant now = tenant.requestTime();
    int overdue = 0;
    for (ReviewStore.StoredReview review : queue.reviews()) {
      String dueAt = review.item().dueAt();
      // A case not yet triaged has no due time.
      if (dueAt != null && Instant.parse(dueAt).isBefore(now)) {
        overdue++;
      }
    }
    return new Counts(queue.reviews().size(), overdue, queue.nextCursor().isEmpty());
  }
}
