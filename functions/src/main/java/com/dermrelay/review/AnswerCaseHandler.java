package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.cases.AnswerContent;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases/{caseId}/answer} (answerCase). */
public final class AnswerCaseHandler extends ApiHandler {
  private final AnswerCase useCase;
  private final RequestBodies bodies;

  public AnswerCaseHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public AnswerCaseHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  AnswerCaseHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.answerCase();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    AnswerContent body = bodies.read(request, AnswerContent.class);
    return responses()
        .json(200, useCase.run(request.tenant(), request.pathParameter("caseId"), body));
  }
}
