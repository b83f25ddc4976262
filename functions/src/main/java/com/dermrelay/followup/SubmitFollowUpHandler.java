package com.dermrelay.followup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.cases.FollowUpReport;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases/{caseId}/follow-up} (submitFollowUp). */
public final class SubmitFollowUpHandler extends ApiHandler {
  private final SubmitFollowUp useCase;
  private final RequestBodies bodies;

  public SubmitFollowUpHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SubmitFollowUpHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SubmitFollowUpHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.submitFollowUp();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    FollowUpReport.Send body = bodies.read(request, FollowUpReport.Send.class);
    return responses()
        .json(200, useCase.run(request.tenant(), request.pathParameter("caseId"), body));
  }
}
