package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** Task Escalate: an overdue or untouched case; the next SLA plan as the output. */
public final class EscalateTaskHandler extends CaseTaskHandler {
  public EscalateTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public EscalateTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  EscalateTaskHandler(FunctionsComponent component) {
    super(component, "escalate");
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    return steps
        .escalate
        .run(
            tenant,
            input.caseId(),
            input.required("priority"),
            input.optional("overdue").orElse("States.Timeout"))
        .toOutput();
  }
}
