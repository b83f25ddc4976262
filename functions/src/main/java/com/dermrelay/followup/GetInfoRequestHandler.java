package com.dermrelay.followup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/cases/{caseId}/info-request} (getInfoRequest). */
public final class GetInfoRequestHandler extends ApiHandler {
  private final GetInfoRequest useCase;

  public GetInfoRequestHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetInfoRequestHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetInfoRequestHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getInfoRequest();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant(), request.pathParameter("caseId")));
  }
}
