package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code POST /clinics/{tenantId}/flagged-second-reads/{caseId}/rounds/{round}/resolution}
 * (closeSecondReadFlag): a medical lead keeps the answer, with a reason.
 */
public final class CloseSecondReadFlagHandler extends ApiHandler {
  private final CloseSecondReadFlag useCase;
  private final RequestBodies bodies;

  public CloseSecondReadFlagHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public CloseSecondReadFlagHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  CloseSecondReadFlagHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.closeSecondReadFlag();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    CloseSecondReadFlag.Request body = bodies.read(request, CloseSecondReadFlag.Request.class);
    // The contract's path parameter check made it a whole number 1-999.
    int round = Integer.parseInt(request.pathParameter("round"));
    return responses()
        .json(200, useCase.run(request.tenant(), request.pathParameter("caseId"), round, body));
  }
}
