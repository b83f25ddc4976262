package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.core.access.TenantContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.inject.Inject;

/**
 * The workflow's QueueForReview step: puts the case on its clinic's worklist (and the preferred
 * dermatologist's, when one asked or answered before), due {@code timeoutSeconds} from now, with
 * the wait's token for answerCase or requestMoreInfo to end it. A claim held on the case is kept.
 * The case's status becomes QUEUED (timeline {@code queued}) unless it already is, e.g. after an
 * escalation, which the patient does not see.
 */
public final class QueueForReview {
  private final WorkflowCases cases;
  private final ReviewChanges reviews;

  @Inject
  public QueueForReview(WorkflowCases cases, ReviewChanges reviews) {
    this.cases = cases;
    this.reviews = reviews;
  }

  public void run(
      TenantContext tenant,
      String caseId,
      String taskToken,
      String priority,
      long timeoutSeconds,
      String preferredDermatologistId) {
    Instant now = tenant.requestTime();
    CaseRecord c =
        cases.update(
            tenant,
            caseId,
            current ->
                CaseRecord.QUEUED.equals(current.status())
                    ? current
                    : current.withStatus(CaseRecord.QUEUED, now.toString(), "queued"));
    // Whole seconds: the queue's sort key compares due times as text, which needs one width.
    String dueAt = now.plusSeconds(timeoutSeconds).truncatedTo(ChronoUnit.SECONDS).toString();
    // Written last: its token marks the step done, so a retry that finds it changes nothing.
    reviews.apply(
        tenant,
        caseId,
        c.patientSubject(),
        item ->
            taskToken.equals(item.taskToken())
                ? item
                : item.queued(taskToken, priority, dueAt, preferredDermatologistId));
  }
}
