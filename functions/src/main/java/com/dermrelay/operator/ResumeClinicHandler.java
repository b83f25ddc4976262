package com.dermrelay.operator;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/resume} (resumeClinic): platform operators. */
public final class ResumeClinicHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final ClinicSuspension useCase;

  public ResumeClinicHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ResumeClinicHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ResumeClinicHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.clinicSuspension();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    ClinicSuspension.Reason reason = bodies.read(request, ClinicSuspension.Reason.class);
    return responses().json(200, useCase.resume(request.tenant(), reason));
  }
}
