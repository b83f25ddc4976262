package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.review.ReviewStore;

/** What the callback steps share. */
final class WaitSteps {
  private WaitSteps() {}

  /** Whether an earlier attempt of this very wait already stored its token (the step is done). */
  static boolean alreadyWaiting(
      ReviewStore reviews, TenantContext tenant, String caseId, String token) {
    return reviews.find(tenant, caseId).map(r -> token.equals(r.item().taskToken())).orElse(false);
  }
}
