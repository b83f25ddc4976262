package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.review.ReviewItem;
import javax.inject.Inject;

/** The workflow's CloseCase step: the case is CLOSED (timeline {@code closed}), off every list. */
public final class CloseCase {
  private final WorkflowCases cases;
  private final ReviewChanges reviews;

  @Inject
  public CloseCase(WorkflowCases cases, ReviewChanges reviews) {
    this.cases = cases;
    this.reviews = reviews;
  }

  public void run(TenantContext tenant, String caseId) {
    String now = tenant.requestTime().toString();
    CaseRecord c =
        cases.update(
            tenant,
            caseId,
            current ->
                CaseRecord.CLOSED.equals(current.status())
                    ? current
                    : current.withStatus(CaseRecord.CLOSED, now, "closed"));
    reviews.apply(
        tenant,
        caseId,
        c.patientSubject(),
        item -> item.withoutClaim().waiting(ReviewItem.Wait.NONE, null));
  }
}
