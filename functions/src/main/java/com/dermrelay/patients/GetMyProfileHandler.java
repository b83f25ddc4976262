package com.dermrelay.patients;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/me/profile} (getMyProfile): a patient. */
public final class GetMyProfileHandler extends ApiHandler {
  private final GetMyProfile useCase;

  public GetMyProfileHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetMyProfileHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetMyProfileHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getMyProfile();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant()));
  }
}
