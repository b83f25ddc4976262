package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/settings} (getTenantSettings). */
public final class GetTenantSettingsHandler extends ApiHandler {
  private final GetTenantSettings getTenantSettings;

  public GetTenantSettingsHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetTenantSettingsHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetTenantSettingsHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.getTenantSettings = component.getTenantSettings();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, getTenantSettings.run(request.tenant()));
  }
}
