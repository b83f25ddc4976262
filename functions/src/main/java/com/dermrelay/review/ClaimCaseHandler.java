package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/reviews/{caseId}/claim} (claimCase). */
public final class ClaimCaseHandler extends ApiHandler {
  private final ClaimCase useCase;

  public ClaimCaseHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ClaimCaseHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ClaimCaseHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.claimCase();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant(), request.pathParameter("caseId")));
  }
}
