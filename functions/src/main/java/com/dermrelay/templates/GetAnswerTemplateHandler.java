package com.dermrelay.templates;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/answer-templates/{templateId}} (getAnswerTemplate). */
public final class GetAnswerTemplateHandler extends ApiHandler {
  private final AnswerTemplates useCase;

  public GetAnswerTemplateHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetAnswerTemplateHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetAnswerTemplateHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.answerTemplates();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(200, useCase.get(request.tenant(), request.pathParameter("templateId")));
  }
}
