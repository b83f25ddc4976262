package com.dermrelay.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PATCH /clinics/{tenantId}/cases/{caseId}} (updateCase). */
public final class UpdateCaseHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final UpdateCase useCase;

  public UpdateCaseHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public UpdateCaseHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  UpdateCaseHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.updateCase();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    CaseRequests.Update body = bodies.read(request, CaseRequests.Update.class);
    return responses()
        .json(200, useCase.run(request.tenant(), request.pathParameter("caseId"), body));
  }
}
