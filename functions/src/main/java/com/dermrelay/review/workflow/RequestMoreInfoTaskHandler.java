package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** Task RequestMoreInfo (callback): the patient is asked and the case waits for the reply. */
public final class RequestMoreInfoTaskHandler extends CaseTaskHandler {
  public RequestMoreInfoTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public RequestMoreInfoTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  RequestMoreInfoTaskHandler(FunctionsComponent component) {
    super(component, "ask-patient");
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    steps.waitForPatient.run(
        tenant, input.caseId(), input.required("taskToken"), WaitForPatient.Ask.QUESTION);
    return Map.of();
  }
}
