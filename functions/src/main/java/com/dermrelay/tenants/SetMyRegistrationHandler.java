package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /clinics/{tenantId}/me/registration} (setMyRegistration): the dermatologist. */
public final class SetMyRegistrationHandler extends ApiHandler {
  private final SetMyRegistration useCase;
  private final com.dermrelay.core.http.RequestBodies bodies;

  public SetMyRegistrationHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SetMyRegistrationHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SetMyRegistrationHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.setMyRegistration();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.set(
                request.tenant(),
                bodies.read(request, SetMyRegistration.RegistrationRequest.class)));
  }
}
