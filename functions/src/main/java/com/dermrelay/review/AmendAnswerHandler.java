package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.IdempotencyKey;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code POST /clinics/{tenantId}/flagged-second-reads/{caseId}/rounds/{round}/amendments}
 * (amendAnswer): a corrected answer and the message to the patient.
 */
public final class AmendAnswerHandler extends ApiHandler {
  private final AmendAnswer useCase;
  private final RequestBodies bodies;

  public AmendAnswerHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public AmendAnswerHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  AmendAnswerHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.amendAnswer();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    AmendAnswer.Request body = bodies.read(request, AmendAnswer.Request.class);
    // The contract's path parameter check made it a whole number 1-999.
    int round = Integer.parseInt(request.pathParameter("round"));
    return responses()
        .json(
            200,
            useCase.run(
                request.tenant(),
                request.pathParameter("caseId"),
                round,
                body,
                IdempotencyKey.optional(request)));
  }
}
