package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.review.ReviewStore;
import javax.inject.Inject;

/**
 * The workflow's steps that wait for the patient: RequestMoreInfo (the dermatologist asked a
 * question; the token is kept for replyToInfoRequest) and InviteFollowUp (the follow-up asked for
 * is due; kept for submitFollowUp). The case leaves the worklists, takes the {@link Ask}'s status
 * with a new photo round and timeline event, and the patient is told to sign in. The review item's
 * token is written last and marks the step done, so a retry repeats nothing but, at worst, the
 * notice.
 */
public final class WaitForPatient {
  /** What the patient is asked for, and how the case shows it. */
  public enum Ask {
    QUESTION(
        CaseRecord.MORE_INFO_REQUESTED,
        "more_info_requested",
        PatientNotices.Notice.QUESTION,
        ReviewItem.Wait.INFO_REPLY),
    FOLLOW_UP(
        CaseRecord.FOLLOW_UP_DUE,
        "follow_up_due",
        PatientNotices.Notice.FOLLOW_UP,
        ReviewItem.Wait.FOLLOW_UP);

    private final String status;
    private final String event;
    private final PatientNotices.Notice notice;
    private final ReviewItem.Wait wait;

    Ask(String status, String event, PatientNotices.Notice notice, ReviewItem.Wait wait) {
      this.status = status;
      this.event = event;
      this.notice = notice;
      this.wait = wait;
    }
  }

  private final WorkflowCases cases;
  private final ReviewStore reviewStore;
  private final ReviewChanges reviews;
  private final PatientNotices notices;

  @Inject
  public WaitForPatient(
      WorkflowCases cases, ReviewStore reviewStore, ReviewChanges reviews, PatientNotices notices) {
    this.cases = cases;
    this.reviewStore = reviewStore;
    this.reviews = reviews;
    this.notices = notices;
  }

  public void run(TenantContext tenant, String caseId, String taskToken, Ask ask) {
    String now = tenant.requestTime().toString();
    if (WaitSteps.alreadyWaiting(reviewStore, tenant, caseId, taskToken)) {
      return;
    }
    CaseRecord c =
        cases.update(
            tenant,
            caseId,
            current ->
                ask.status.equals(current.status())
                    ? current
                    : current.withNextRound(ask.status, now, ask.event));
    notices.send(tenant, c.patientSubject(), ask.notice);
    reviews.apply(
        tenant,
        caseId,
        c.patientSubject(),
        item -> item.withoutClaim().waiting(ask.wait, taskToken));
  }
}
