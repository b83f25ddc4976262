package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** Task InviteFollowUp (callback): the patient is invited to send follow-up photos. */
public final class InviteFollowUpTaskHandler extends CaseTaskHandler {
  public InviteFollowUpTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public InviteFollowUpTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  InviteFollowUpTaskHandler(FunctionsComponent component) {
    super(component, "invite-follow-up");
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    steps.waitForPatient.run(
        tenant, input.caseId(), input.required("taskToken"), WaitForPatient.Ask.FOLLOW_UP);
    return Map.of();
  }
}
