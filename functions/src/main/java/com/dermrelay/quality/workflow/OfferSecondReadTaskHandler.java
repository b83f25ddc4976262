package com.dermrelay.quality.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.quality.OfferSecondRead;
import java.util.Map;

/**
 * Task OfferSecondRead of the second-read workflow (second-read.asl.json, a callback): the round
 * goes on the clinic's open second-read list with the task token.
 */
public final class OfferSecondReadTaskHandler extends WorkflowTaskHandler {
  private final OfferSecondRead useCase;

  public OfferSecondReadTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public OfferSecondReadTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  OfferSecondReadTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "second-read-offer");
    this.useCase = component.quality().offerSecondRead;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    useCase.run(tenant, input.caseId(), (int) input.number("round"), input.required("taskToken"));
    return Map.of();
  }
}
