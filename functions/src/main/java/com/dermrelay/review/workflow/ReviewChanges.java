package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.review.ReviewStore;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.inject.Inject;

/**
 * Read-modify-write of a case's review item for the workflow's steps: reads it (or starts one),
 * applies the change and writes on the version read, reading again when a claim or another step
 * wrote first. A change that leaves the item as it is writes nothing, so a retried step is free.
 */
public final class ReviewChanges {
  private final ReviewStore reviews;

  @Inject
  public ReviewChanges(ReviewStore reviews) {
    this.reviews = reviews;
  }

  /** The item as written (or as found, when the change changed nothing). */
  public ReviewItem apply(
      TenantContext tenant,
      String caseId,
      String patientSubject,
      UnaryOperator<ReviewItem> change) {
    for (int attempt = 0; attempt < 8; attempt++) {
      Optional<ReviewStore.StoredReview> stored = reviews.find(tenant, caseId);
      ReviewItem current =
          stored
              .map(ReviewStore.StoredReview::item)
              .orElseGet(() -> ReviewItem.forCase(caseId, patientSubject));
      ReviewItem next = change.apply(current);
      if (stored.isPresent() && next.equals(current)) {
        return current;
      }
      try {
        reviews.save(tenant, next, stored.map(ReviewStore.StoredReview::version).orElse(0L));
        return next;
      } catch (VersionConflictException e) {
        // a claim or a heartbeat came first: read again and re-apply
      }
    }
    throw new VersionConflictException();
  }
}
