package com.dermrelay.templates;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /clinics/{tenantId}/answer-templates/{templateId}} (putAnswerTemplate). */
public final class PutAnswerTemplateHandler extends ApiHandler {
  private final AnswerTemplates useCase;
  private final RequestBodies bodies;

  public PutAnswerTemplateHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public PutAnswerTemplateHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  PutAnswerTemplateHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.answerTemplates();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    AnswerTemplate.Put body = bodies.read(request, AnswerTemplate.Put.class);
    return responses()
        .json(200, useCase.putClinic(request.tenant(), request.pathParameter("templateId"), body));
  }
}
