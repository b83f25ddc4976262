package com.dermrelay.fhir.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.fhir.delivery.RecordEhrFailure;
import java.util.Map;

/** Task RecordEhrFailure of the EHR delivery workflow: the round is FAILED, the admins mailed. */
public final class RecordEhrFailureTaskHandler extends WorkflowTaskHandler {
  private final RecordEhrFailure useCase;

  public RecordEhrFailureTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public RecordEhrFailureTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  RecordEhrFailureTaskHandler(FunctionsComponent component) {
    super(component.internalAccess(), component.clock(), "record-ehr-failure");
    this.useCase = component.ehrDelivery().recordFailure;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    useCase.run(
        tenant, input.caseId(), (int) input.number("round"), input.optional("error").orElse(null));
    return Map.of();
  }
}
