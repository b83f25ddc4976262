package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /clinics/{tenantId}/settings} (updateTenantSettings). */
public final class UpdateTenantSettingsHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final UpdateTenantSettings updateTenantSettings;

  public UpdateTenantSettingsHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public UpdateTenantSettingsHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  UpdateTenantSettingsHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.updateTenantSettings = component.updateTenantSettings();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    TenantSettings change = bodies.read(request, TenantSettings.class);
    return responses().json(200, updateTenantSettings.run(request.tenant(), change));
  }
}
