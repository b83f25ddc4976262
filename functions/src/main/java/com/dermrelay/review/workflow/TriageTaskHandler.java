package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** Task Triage and TriageFollowUp: the case's triage, and its SLA plan as the output. */
public final class TriageTaskHandler extends CaseTaskHandler {
  public TriageTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public TriageTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  TriageTaskHandler(FunctionsComponent component) {
    super(component, "triage");
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    return steps.triage.run(tenant, input.caseId(), input.optional("followUpId")).toOutput();
  }
}
