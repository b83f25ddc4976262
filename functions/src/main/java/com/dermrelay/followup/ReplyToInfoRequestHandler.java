package com.dermrelay.followup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.cases.InfoReply;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases/{caseId}/info-request/reply} (replyToInfoRequest). */
public final class ReplyToInfoRequestHandler extends ApiHandler {
  private final ReplyToInfoRequest useCase;
  private final RequestBodies bodies;

  public ReplyToInfoRequestHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ReplyToInfoRequestHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ReplyToInfoRequestHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.replyToInfoRequest();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    InfoReply.Send body = bodies.read(request, InfoReply.Send.class);
    return responses()
        .json(200, useCase.run(request.tenant(), request.pathParameter("caseId"), body));
  }
}
