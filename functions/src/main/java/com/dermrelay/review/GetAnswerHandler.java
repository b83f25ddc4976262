package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/cases/{caseId}/answer} (getAnswer). */
public final class GetAnswerHandler extends ApiHandler {
  private final GetAnswer useCase;

  public GetAnswerHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetAnswerHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetAnswerHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getAnswer();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.read(request.tenant(), request.pathParameter("caseId")));
  }
}
