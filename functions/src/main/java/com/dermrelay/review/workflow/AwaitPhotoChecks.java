package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.TriageInputs;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.review.WorkflowCallbacks;
import javax.inject.Inject;

/**
 * The workflow's AwaitPhotoChecks step. Photos are checked when the patient confirms them, so a
 * submitted case normally has every check done and the step ends its own wait at once. Should one
 * still be running, the token is kept on the review item and the Task's one-hour timeout lets
 * triage run with what is known. A retry whose token was already used is no error.
 */
public final class AwaitPhotoChecks {
  private final WorkflowCases cases;
  private final ReviewChanges reviews;
  private final WorkflowCallbacks callbacks;

  @Inject
  public AwaitPhotoChecks(WorkflowCases cases, ReviewChanges reviews, WorkflowCallbacks callbacks) {
    this.cases = cases;
    this.reviews = reviews;
    this.callbacks = callbacks;
  }

  public void run(TenantContext tenant, String caseId, String taskToken) {
    CaseRecord c = cases.get(tenant, caseId);
    if (!TriageInputs.checksEnded(c)) {
      reviews.apply(
          tenant,
          caseId,
          c.patientSubject(),
          item -> item.waiting(ReviewItem.Wait.PHOTO_CHECKS, taskToken));
      return;
    }
    try {
      callbacks.succeed(taskToken, "{\"outcome\":\"" + TriageInputs.photoChecks(c).name() + "\"}");
    } catch (WorkflowCallbacks.StaleTaskException alreadyEnded) {
      // an earlier attempt of this step ended the wait
    }
  }
}
