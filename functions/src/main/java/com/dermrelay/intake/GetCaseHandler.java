package com.dermrelay.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/cases/{caseId}} (getCase). */
public final class GetCaseHandler extends ApiHandler {
  private final GetCase useCase;

  public GetCaseHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetCaseHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetCaseHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getCase();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant(), request.pathParameter("caseId")));
  }
}
