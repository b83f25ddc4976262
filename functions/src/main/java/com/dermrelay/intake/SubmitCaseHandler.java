package com.dermrelay.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.IdempotencyKey;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases/{caseId}/submit} (submitCase). */
public final class SubmitCaseHandler extends ApiHandler {
  private final SubmitCase useCase;

  public SubmitCaseHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SubmitCaseHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SubmitCaseHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.submitCase();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.run(
                request.tenant(),
                request.pathParameter("caseId"),
                IdempotencyKey.required(request)));
  }
}
