package com.dermrelay.followup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.cases.InfoQuestion;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases/{caseId}/info-requests} (requestMoreInfo). */
public final class RequestMoreInfoHandler extends ApiHandler {
  private final RequestMoreInfo useCase;
  private final RequestBodies bodies;

  public RequestMoreInfoHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public RequestMoreInfoHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  RequestMoreInfoHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.requestMoreInfo();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    InfoQuestion.Ask body = bodies.read(request, InfoQuestion.Ask.class);
    return responses()
        .json(200, useCase.run(request.tenant(), request.pathParameter("caseId"), body));
  }
}
