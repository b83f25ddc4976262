package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/me/registration} (getMyRegistration): the dermatologist. */
public final class GetMyRegistrationHandler extends ApiHandler {
  private final SetMyRegistration useCase;

  public GetMyRegistrationHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetMyRegistrationHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetMyRegistrationHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.setMyRegistration();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.get(request.tenant()));
  }
}
