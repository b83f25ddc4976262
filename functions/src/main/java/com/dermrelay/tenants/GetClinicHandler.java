package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}} (getClinic): any member of the clinic. */
public final class GetClinicHandler extends ApiHandler {
  private final GetClinic getClinic;

  public GetClinicHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetClinicHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetClinicHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.getClinic = component.getClinic();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, getClinic.run(request.tenant()));
  }
}
