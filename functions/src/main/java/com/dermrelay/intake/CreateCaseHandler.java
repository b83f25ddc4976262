package com.dermrelay.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases} (createCase). */
public final class CreateCaseHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final CreateCase useCase;

  public CreateCaseHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public CreateCaseHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  CreateCaseHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.createCase();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    CaseRequests.Create body = bodies.read(request, CaseRequests.Create.class);
    return responses().json(201, useCase.run(request.tenant(), body));
  }
}
