package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.intake.CaseRecord;
import javax.inject.Inject;

/**
 * The workflow's InviteFollowUp step: the follow-up the dermatologist asked for is due. The case
 * waits for the patient's follow-up (token kept for submitFollowUp), its status becomes
 * FOLLOW_UP_DUE with a new photo round (timeline {@code follow_up_due}), and the patient is
 * invited to sign in. As in {@link AskPatient}, the token is written last and marks it done.
 */
public final class InviteForFollowUp {
  private final WorkflowCases cases;
  private final ReviewStore reviewStore;
  private final ReviewChanges reviews;
  private final PatientNotices notices;

  @Inject
  public InviteForFollowUp(WorkflowCases cases, ReviewStore reviewStore, ReviewChanges reviews,
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
    CaseRecord c = cases.update(tenant, caseId, current -> CaseRecord.FOLLOW_UP_DUE.equals(current.status())
        ? current : current.withNextRound(CaseRecord.FOLLOW_UP_DUE, now, "follow_up_due"));
    notices.send(tenant, c.patientSubject(), PatientNotices.Notice.FOLLOW_UP);
    reviews.apply(tenant, caseId, c.patientSubject(),
        item -> item.withoutClaim().waiting(ReviewItem.Wait.FOLLOW_UP, taskToken));
  }
}
