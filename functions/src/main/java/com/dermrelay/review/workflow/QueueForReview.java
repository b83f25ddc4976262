package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.review.AnswerCase;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.review.WorkflowCallbacks;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The workflow's QueueForReview step: puts the case on its clinic's worklist (and the preferred
 * dermatologist's, when one asked or answered before), due {@code timeoutSeconds} from now, with
 * the wait's token for answerCase or requestMoreInfo to end it. A claim held on the case is kept.
 * The case's status becomes QUEUED (timeline {@code queued}) unless it already is, e.g. after an
 * escalation, which the patient does not see. When the current round's answer is already stored
 * (its callback found no waiting task: a re-driven execution, or an escalation that re-queued the
 * case meanwhile) the step ends its own wait with it at once and does not queue the case.
 */
public final class QueueForReview {
  private final WorkflowCases cases;
  private final ReviewChanges reviews;
  private final CaseExchangeItems exchanges;
  private final WorkflowCallbacks callbacks;
  private final ObjectMapper json;

  @Inject
  public QueueForReview(
      WorkflowCases cases,
      ReviewChanges reviews,
      CaseExchangeItems exchanges,
      WorkflowCallbacks callbacks,
      ObjectMapper json) {
    this.cases = cases;
    this.reviews = reviews;
    this.exchanges = exchanges;
    this.callbacks = callbacks;
    this.json = json;
  }

  public void run(
      TenantContext tenant,
      String caseId,
      String taskToken,
      String priority,
      long timeoutSeconds,
      String preferredDermatologistId) {
    Instant now = tenant.requestTime();
    Optional<CaseAnswer> answered = storedAnswer(tenant, caseId);
    if (answered.isPresent()) {
      try {
        callbacks.succeed(taskToken, AnswerCase.callbackOutput(json, answered.get()));
      } catch (WorkflowCallbacks.StaleTaskException alreadyEnded) {
        // an earlier attempt of this step ended the wait
      }
      return;
    }
    CaseRecord c =
        cases.update(
            tenant,
            caseId,
            current ->
                CaseRecord.QUEUED.equals(current.status())
                    ? current
                    : current.withStatus(CaseRecord.QUEUED, now.toString(), "queued"));
    // Written last: its token marks the step done, so a retry that finds it changes nothing.
    reviews.apply(
        tenant,
        caseId,
        c.patientSubject(),
        item ->
            taskToken.equals(item.taskToken())
                ? item
                : item.queued(
                    taskToken,
                    priority,
                    dueAt(item, now, timeoutSeconds),
                    preferredDermatologistId));
  }

  private Optional<CaseAnswer> storedAnswer(TenantContext tenant, String caseId) {
    CaseRecord c = cases.get(tenant, caseId);
    return exchanges
        .get(tenant, CaseExchangeItems.key(caseId, "ANSWER", c.round()), CaseAnswer.class)
        .map(CaseExchangeItems.Stored::document);
  }

  /**
   * When the case is due. After an escalation (the item waits for review with no token: Escalate
   * cleared it and wrote the due time) the due time stands: a reminder never moves it. Computing it
   * again from this step's own clock moved it later by however long the step took to start, and the
   * interpreter's timers, which started earlier, then reminded again before the new due time, once
   * a second, for ever (docs/workflow.md, "A reminder that moved the due time").
   */
  static String dueAt(ReviewItem current, Instant now, long timeoutSeconds) {
    if (current != null
        && current.waitingFor() == ReviewItem.Wait.REVIEW
        && current.taskToken() == null
        && current.dueAt() != null) {
      return current.dueAt();
    }
    // Whole seconds: the queue's sort key compares due times as text, which needs one width.
    return now.plusSeconds(timeoutSeconds).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
