package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import javax.inject.Inject;

/**
 * Whether the caller holds the review of a case: what another capability (followup's question to
 * the patient) checks before it acts for the reviewing dermatologist, without reading the store.
 */
public final class ReviewClaims {
  private final ReviewStore reviews;

  @Inject
  public ReviewClaims(ReviewStore reviews) {
    this.reviews = reviews;
  }

  /** Refuses with 409 unless the case waits for review and the caller's claim on it is current. */
  public void requireCallersClaim(TenantContext tenant, String caseId) {
    ReviewItem review =
        reviews
            .find(tenant, caseId)
            .map(ReviewStore.StoredReview::item)
            .orElseThrow(() -> AnswerRules.conflict("The case is not waiting for review."));
    AnswerCase.requireClaim(tenant, review);
  }
}
