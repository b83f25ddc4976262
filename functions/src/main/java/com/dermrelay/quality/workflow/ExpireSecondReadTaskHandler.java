package com.dermrelay.quality.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.quality.EndSecondRead;
import java.util.Map;

/**
 * Task ExpireSecondRead of the second-read workflow (second-read.asl.json): nobody read the round
 * in time; it leaves the open list as EXPIRED.
 */
public final class ExpireSecondReadTaskHandler extends WorkflowTaskHandler {
  private final EndSecondRead useCase;

  public ExpireSecondReadTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ExpireSecondReadTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ExpireSecondReadTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "second-read-expire");
    this.useCase = component.quality().endSecondRead;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    useCase.expire(tenant, input.caseId(), (int) input.number("round"));
    return Map.of();
  }
}
