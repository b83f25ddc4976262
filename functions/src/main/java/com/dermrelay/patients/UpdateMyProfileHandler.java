package com.dermrelay.patients;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /clinics/{tenantId}/me/profile} (updateMyProfile): a patient. */
public final class UpdateMyProfileHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final UpdateMyProfile useCase;

  public UpdateMyProfileHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public UpdateMyProfileHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  UpdateMyProfileHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.updateMyProfile();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    ProfileRequests.Update update = bodies.read(request, ProfileRequests.Update.class);
    return responses().json(200, useCase.run(request.tenant(), update));
  }
}
