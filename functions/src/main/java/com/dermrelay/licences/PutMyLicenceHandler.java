package com.dermrelay.licences;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /me/licences} (putMyLicence): adds or replaces one of the caller's licences. */
public final class PutMyLicenceHandler extends ApiHandler {
  private final MyLicences useCase;
  private final RequestBodies bodies;

  public PutMyLicenceHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public PutMyLicenceHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  PutMyLicenceHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.myLicences();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.put(
                request.caller(),
                bodies.read(request, MyLicences.LicenceRequest.class),
                request.requestTime()));
  }
}
