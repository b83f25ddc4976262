package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.review.ReviewStore.StoredReview;
import com.dermrelay.review.WorkflowCallbacks.StaleTaskException;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Ends what a case's workflow waits for, with the token currently on its review item, after the API
 * stored what ends it (an answer, a question, a reply, a follow-up). Safe to repeat: a retry sends
 * the callback only while the item still waits for the same thing, so a request that died between
 * its write and its callback is mended by its retry, and a second sender finds the wait ended. A
 * token that went stale because the wait was re-entered (an escalation re-queues the case with a
 * new token) is replaced by the new one. A stale token with no new wait (the execution ended or was
 * lost) marks the case for the reconciler ({@link ReconcileMarks}), which re-drives it.
 */
@Singleton
public final class TaskCompletions {
  private final ReviewStore reviews;
  private final WorkflowCallbacks callbacks;
  private final ReconcileMarks marks;

  @Inject
  public TaskCompletions(ReviewStore reviews, WorkflowCallbacks callbacks, ReconcileMarks marks) {
    this.reviews = reviews;
    this.callbacks = callbacks;
    this.marks = marks;
  }

  /**
   * Sends {@code outputJson} as the result of the case's wait for {@code wait}; afterwards the item
   * no longer waits (and, with {@code releaseClaim}, nobody holds it) unless the workflow's next
   * step already wrote a new wait. Returns false when nothing waited for {@code wait}.
   */
  public boolean complete(
      TenantContext tenant,
      String caseId,
      ReviewItem.Wait wait,
      String outputJson,
      boolean releaseClaim) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<StoredReview> review = reviews.find(tenant, caseId);
      if (review.isEmpty()
          || review.get().item().waitingFor() != wait
          || review.get().item().taskToken() == null) {
        return false;
      }
      String token = review.get().item().taskToken();
      try {
        callbacks.succeed(token, outputJson);
      } catch (StaleTaskException e) {
        Optional<StoredReview> again = reviews.find(tenant, caseId);
        if (again.isPresent()
            && again.get().item().waitingFor() == wait
            && !token.equals(again.get().item().taskToken())) {
          continue; // the wait was re-entered with a new token: end that one
        }
        // Stored, and no waiting task to tell: the reconciler re-drives the case (decision 0024).
        marks.mark(tenant, caseId);
        clearSpentToken(tenant, caseId, token, releaseClaim);
        return false;
      }
      clearSpentToken(tenant, caseId, token, releaseClaim);
      return true;
    }
    return false;
  }

  /**
   * The item stops waiting on the spent token. The next steps may already have written the item
   * (locally they run inside SendTaskSuccess; on AWS at any time): only an item still holding the
   * spent token is ours to change.
   */
  private void clearSpentToken(
      TenantContext tenant, String caseId, String token, boolean releaseClaim) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<StoredReview> review = reviews.find(tenant, caseId);
      if (review.isEmpty() || !token.equals(review.get().item().taskToken())) {
        return;
      }
      ReviewItem next = review.get().item().waiting(ReviewItem.Wait.NONE, null);
      try {
        reviews.save(tenant, releaseClaim ? next.withoutClaim() : next, review.get().version());
        return;
      } catch (VersionConflictException e) {
        // read again: someone else changed it
      }
    }
  }
}
