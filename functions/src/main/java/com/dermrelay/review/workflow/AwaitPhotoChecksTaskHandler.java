package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** Task AwaitPhotoChecks (callback): ends its wait once the case's photo checks have ended. */
public final class AwaitPhotoChecksTaskHandler extends CaseTaskHandler {
  public AwaitPhotoChecksTaskHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public AwaitPhotoChecksTaskHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  AwaitPhotoChecksTaskHandler(FunctionsComponent component) {
    super(component, "await-photo-checks");
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    steps.awaitPhotoChecks.run(tenant, input.caseId(), input.required("taskToken"));
    return Map.of();
  }
}
