package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.intake.CaseRecord;
import javax.inject.Inject;

/**
 * The workflow's RequestMoreInfo step: the dermatologist asked the patient a question. The case
 * leaves the worklists and waits for the reply (the token is kept for replyToInfoRequest), its
 * status becomes MORE_INFO_REQUESTED with a new photo round (timeline
 * {@code more_info_requested}), and the patient is told to sign in. The review item's token is
 * written last and marks the step done, so a retry repeats nothing but, at worst, the notice.
 */
public final class AskPatient {
  private final WorkflowCases cases;
  private final ReviewStore reviewStore;
  private final ReviewChanges reviews;
  private final PatientNotices notices;

  @Inject
  public AskPatient(WorkflowCases cases, ReviewStore reviewStore, ReviewChanges reviews,
      PatientNotices notices) {
    this.cases = cases;
    this.reviewStore = reviewStore;
    this.reviews = reviews;
    this.notices = notices;
  }

  public void run(TenantContext tenant, String caseId, String taskToken) {
    String now = tenant.requestTime().toString();
    if (WaitSteps.alreadyWaiting(reviewStore, tenant, caseId, taskToken)) {
      return;
    }
    CaseRecord c = cases.update(tenant, caseId, current -> CaseRecord.MORE_INFO_REQUESTED.equals(current.status())
        ? current : current.withNextRound(CaseRecord.MORE_INFO_REQUESTED, now, "more_info_requested"));
    notices.send(tenant, c.patientSubject(), PatientNotices.Notice.QUESTION);
    reviews.apply(tenant, caseId, c.patientSubject(),
        item -> item.withoutClaim().waiting(ReviewItem.Wait.INFO_REPLY, taskToken));
  }
}
