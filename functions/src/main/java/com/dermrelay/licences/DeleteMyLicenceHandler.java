package com.dermrelay.licences;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code DELETE /me/licences/{jurisdiction}} (deleteMyLicence): removes one; the rest answer. */
public final class DeleteMyLicenceHandler extends ApiHandler {
  private final MyLicences useCase;

  public DeleteMyLicenceHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public DeleteMyLicenceHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  DeleteMyLicenceHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.myLicences();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.delete(
                request.caller(), request.pathParameter("jurisdiction"), request.requestTime()));
  }
}
