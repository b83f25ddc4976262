package com.dermrelay.review.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * The reconciler's function, run by a schedule (every 15 minutes on AWS; locally by the stack's
 * timer or a test): one run of {@link ReconcileStrandedCases}. The event carries nothing it needs.
 */
public final class ReconcileStrandedCasesHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final ReconcileStrandedCases reconciler;

  public ReconcileStrandedCasesHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ReconcileStrandedCasesHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ReconcileStrandedCasesHandler(FunctionsComponent component) {
    this.reconciler = component.reconcileStrandedCases();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    String runId = context == null ? "reconcile" : context.getAwsRequestId();
    ReconcileStrandedCases.Result result = reconciler.run(runId);
    return Map.of(
        "clinics", result.clinics(),
        "casesChecked", result.casesChecked(),
        "redriven", result.redriven());
  }
}
