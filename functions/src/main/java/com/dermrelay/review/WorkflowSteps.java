package com.dermrelay.review;

import javax.inject.Inject;

/**
 * The use cases behind the case workflow's nine Task states, one per task handler in
 * {@code review.workflow}; one component accessor serves them all.
 */
public final class WorkflowSteps {
  public final AwaitPhotoChecks awaitPhotoChecks;
  public final TriageCase triage;
  public final QueueForReview queueForReview;
  public final EscalateOverdueCase escalate;
  public final AskPatient askPatient;
  public final DeliverAnswer deliverAnswer;
  public final InviteForFollowUp inviteForFollowUp;
  public final CloseCase closeCase;
  public final RecordCaseFailure recordFailure;

  @Inject
  public WorkflowSteps(AwaitPhotoChecks awaitPhotoChecks, TriageCase triage,
      QueueForReview queueForReview, EscalateOverdueCase escalate, AskPatient askPatient,
      DeliverAnswer deliverAnswer, InviteForFollowUp inviteForFollowUp, CloseCase closeCase,
      RecordCaseFailure recordFailure) {
    this.awaitPhotoChecks = awaitPhotoChecks;
    this.triage = triage;
    this.queueForReview = queueForReview;
    this.escalate = escalate;
    this.askPatient = askPatient;
    this.deliverAnswer = deliverAnswer;
    this.inviteForFollowUp = inviteForFollowUp;
    this.closeCase = closeCase;
    this.recordFailure = recordFailure;
  }
}
