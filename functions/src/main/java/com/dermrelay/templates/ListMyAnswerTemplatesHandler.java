package com.dermrelay.templates;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/me/answer-templates} (listMyAnswerTemplates). */
public final class ListMyAnswerTemplatesHandler extends ApiHandler {
  private final AnswerTemplates useCase;

  public ListMyAnswerTemplatesHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListMyAnswerTemplatesHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListMyAnswerTemplatesHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.answerTemplates();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.listUsable(request.tenant()));
  }
}
