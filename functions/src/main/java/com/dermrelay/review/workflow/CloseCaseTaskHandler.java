package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** Task CloseCase: the case is closed. */
public final class CloseCaseTaskHandler extends CaseTaskHandler {
  public CloseCaseTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public CloseCaseTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  CloseCaseTaskHandler(FunctionsComponent component) {
    super(component, "close-case");
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    steps.closeCase.run(tenant, input.caseId());
    return Map.of();
  }
}
