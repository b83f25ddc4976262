package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code DELETE /clinics/{tenantId}/reviews/{caseId}/claim} (releaseCase). */
public final class ReleaseCaseHandler extends ApiHandler {
  private final ReleaseCase useCase;

  public ReleaseCaseHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ReleaseCaseHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ReleaseCaseHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.releaseCase();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant(), request.pathParameter("caseId")));
  }
}
