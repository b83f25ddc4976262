package com.dermrelay.operator;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /clinics/{tenantId}/plan} (setClinicPlan): platform operators. */
public final class SetClinicPlanHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final SetClinicPlan useCase;

  public SetClinicPlanHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SetClinicPlanHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SetClinicPlanHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.setClinicPlan();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    SetClinicPlan.PlanChange change = bodies.read(request, SetClinicPlan.PlanChange.class);
    return responses().json(200, useCase.run(request.tenant(), change));
  }
}
