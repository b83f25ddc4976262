package com.dermrelay.quality.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.quality.CompareSecondRead;
import java.util.Map;

/**
 * Task ExpireSecondRead of the second-read workflow (second-read.asl.json): nobody read the round
 * in time; it leaves the open list as EXPIRED.
 */
public final class CompareSecondReadTaskHandler extends WorkflowTaskHandler {
  private final CompareSecondRead useCase;

  public CompareSecondReadTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public CompareSecondReadTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  CompareSecondReadTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "second-read-compare");
    this.useCase = component.quality().compareSecondRead;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    boolean unsafe = useCase.run(tenant, input.caseId(), (int) input.number("round"));
    return Map.of("unsafe", unsafe);
  }
}
