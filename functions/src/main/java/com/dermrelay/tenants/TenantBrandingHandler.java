package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /public/clinics/{slug}/branding} (getTenantBranding): public. */
public final class TenantBrandingHandler extends ApiHandler {
  private final GetTenantBranding getTenantBranding;

  public TenantBrandingHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public TenantBrandingHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  TenantBrandingHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.getTenantBranding = component.getTenantBranding();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, getTenantBranding.run(request.pathParameter("slug")));
  }
}
