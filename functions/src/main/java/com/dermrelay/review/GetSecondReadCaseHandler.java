package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code GET /clinics/{tenantId}/second-reads/{caseId}/rounds/{round}} (getSecondReadCase): the
 * case, blind to its answers.
 */
public final class GetSecondReadCaseHandler extends ApiHandler {
  private final GetSecondReadCase useCase;

  public GetSecondReadCaseHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetSecondReadCaseHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetSecondReadCaseHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getSecondReadCase();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    // The contract's path parameter check made it a whole number 1-999.
    int round = Integer.parseInt(request.pathParameter("round"));
    return responses()
        .json(200, useCase.run(request.tenant(), request.pathParameter("caseId"), round));
  }
}
