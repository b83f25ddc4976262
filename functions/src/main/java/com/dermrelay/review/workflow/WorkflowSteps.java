package com.dermrelay.review.workflow;

import javax.inject.Inject;

/**
 * The use cases behind the case workflow's nine Task states, one per task handler in {@code
 * review.workflow}; one component accessor serves them all.
 */
public final class WorkflowSteps {
  public final AwaitPhotoChecks awaitPhotoChecks;
  public final TriageCase triage;
  public final QueueForReview queueForReview;
  public final EscalateOverdueCase escalate;

  /** RequestMoreInfo and InviteFollowUp: both wait for the patient. */
  public final WaitForPatient waitForPatient;

  public final DeliverAnswer deliverAnswer;
  public final CloseCase closeCase;
  public final RecordCaseFailure recordFailure;

  @Inject
  public WorkflowSteps(
      AwaitPhotoChecks awaitPhotoChecks,
      TriageCase triage,
      QueueForReview queueForReview,
      EscalateOverdueCase escalate,
      WaitForPatient waitForPatient,
      DeliverAnswer deliverAnswer,
      CloseCase closeCase,
      RecordCaseFailure recordFailure) {
    this.awaitPhotoChecks = awaitPhotoChecks;
    this.triage = triage;
    this.queueForReview = queueForReview;
    this.escalate = escalate;
    this.waitForPatient = waitForPatient;
    this.deliverAnswer = deliverAnswer;
    this.closeCase = closeCase;
    this.recordFailure = recordFailure;
  }
}
