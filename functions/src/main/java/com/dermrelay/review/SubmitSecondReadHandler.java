package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code POST /clinics/{tenantId}/second-reads/{caseId}/rounds/{round}} (submitSecondRead): the
 * second reader's diagnosis code and management category.
 */
public final class SubmitSecondReadHandler extends ApiHandler {
  private final SubmitSecondRead useCase;
  private final RequestBodies bodies;

  public SubmitSecondReadHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SubmitSecondReadHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SubmitSecondReadHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.submitSecondRead();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    SubmitSecondRead.Request body = bodies.read(request, SubmitSecondRead.Request.class);
    // The contract's path parameter check made it a whole number 1-999.
    int round = Integer.parseInt(request.pathParameter("round"));
    return responses()
        .json(200, useCase.run(request.tenant(), request.pathParameter("caseId"), round, body));
  }
}
