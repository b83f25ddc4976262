package com.dermrelay.operator;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/suspend} (suspendClinic): platform operators. */
public final class SuspendClinicHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final ClinicSuspension useCase;

  public SuspendClinicHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SuspendClinicHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SuspendClinicHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.clinicSuspension();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    ClinicSuspension.Reason reason = bodies.read(request, ClinicSuspension.Reason.class);
    return responses().json(200, useCase.suspend(request.tenant(), reason));
  }
}
