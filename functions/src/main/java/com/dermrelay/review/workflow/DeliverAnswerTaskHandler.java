package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** Task DeliverAnswer: the answer is published and the patient notified. */
public final class DeliverAnswerTaskHandler extends CaseTaskHandler {
  public DeliverAnswerTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public DeliverAnswerTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  DeliverAnswerTaskHandler(FunctionsComponent component) {
    super(component, "deliver-answer");
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    steps.deliverAnswer.run(tenant, input.caseId());
    return Map.of();
  }
}
