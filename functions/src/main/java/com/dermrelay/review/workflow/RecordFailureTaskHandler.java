package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * Task RecordFailure: the case shows the failure and the clinic is alerted; never fails on a
 * missing case.
 */
public final class RecordFailureTaskHandler extends CaseTaskHandler {
  public RecordFailureTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public RecordFailureTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  RecordFailureTaskHandler(FunctionsComponent component) {
    super(component, "record-failure");
  }

  /**
   * The failure may be exactly that the tenant is gone: ending here leaves the alarm as the alert.
   */
  @Override
  protected boolean toleratesUnknownTenant() {
    return true;
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    steps.recordFailure.run(
        tenant,
        input.caseId(),
        input.optional("executionId").orElse("unknown"),
        input.optional("error").orElse(null));
    return Map.of();
  }
}
