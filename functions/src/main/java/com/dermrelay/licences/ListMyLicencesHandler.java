package com.dermrelay.licences;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /me/licences} (listMyLicences): the dermatologist's own licences. */
public final class ListMyLicencesHandler extends ApiHandler {
  private final MyLicences useCase;

  public ListMyLicencesHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListMyLicencesHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListMyLicencesHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.myLicences();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.list(request.caller(), request.requestTime()));
  }
}
