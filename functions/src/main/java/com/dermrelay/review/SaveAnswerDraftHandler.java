package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /clinics/{tenantId}/cases/{caseId}/answer-draft} (saveAnswerDraft). */
public final class SaveAnswerDraftHandler extends ApiHandler {
  private final AnswerDrafts useCase;
  private final RequestBodies bodies;

  public SaveAnswerDraftHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SaveAnswerDraftHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SaveAnswerDraftHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.answerDrafts();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    AnswerDraft.Save body = bodies.read(request, AnswerDraft.Save.class);
    return responses()
        .json(200, useCase.save(request.tenant(), request.pathParameter("caseId"), body));
  }
}
