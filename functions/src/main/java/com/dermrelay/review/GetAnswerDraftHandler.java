package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/cases/{caseId}/answer-draft} (getAnswerDraft). */
public final class GetAnswerDraftHandler extends ApiHandler {
  private final AnswerDrafts useCase;

  public GetAnswerDraftHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetAnswerDraftHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetAnswerDraftHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.answerDrafts();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.get(request.tenant(), request.pathParameter("caseId")));
  }
}
