package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases/{caseId}/answer/acknowledge} (acknowledgeAnswer). */
public final class AcknowledgeAnswerHandler extends ApiHandler {
  private final GetAnswer useCase;

  public AcknowledgeAnswerHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public AcknowledgeAnswerHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  AcknowledgeAnswerHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getAnswer();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(200, useCase.acknowledge(request.tenant(), request.pathParameter("caseId")));
  }
}
