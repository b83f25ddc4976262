package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** Task QueueForReview (callback): the case on the worklists, waiting for a decision. */
public final class QueueForReviewTaskHandler extends CaseTaskHandler {
  public QueueForReviewTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public QueueForReviewTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  QueueForReviewTaskHandler(FunctionsComponent component) {
    super(component, "queue-for-review");
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    steps.queueForReview.run(
        tenant,
        input.caseId(),
        input.required("taskToken"),
        input.required("priority"),
        input.number("timeoutSeconds"),
        input.optional("preferredDermatologistId").orElse(null));
    return Map.of();
  }
}
