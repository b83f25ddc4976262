package com.dermrelay.quality.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.quality.EndSecondRead;
import java.util.Map;

/**
 * Task RecordSecondReadFailure of the second-read workflow (second-read.asl.json): a step failed;
 * the round leaves the open list as FAILED.
 */
public final class RecordSecondReadFailureTaskHandler extends WorkflowTaskHandler {
  private final EndSecondRead useCase;

  public RecordSecondReadFailureTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public RecordSecondReadFailureTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  RecordSecondReadFailureTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "second-read-failure");
    this.useCase = component.quality().endSecondRead;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    useCase.fail(tenant, input.caseId(), (int) input.number("round"));
    return Map.of();
  }
}
