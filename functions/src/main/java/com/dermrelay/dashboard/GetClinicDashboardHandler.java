package com.dermrelay.dashboard;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/dashboard} (getClinicDashboard): clinic admins. */
public final class GetClinicDashboardHandler extends ApiHandler {
  private final GetClinicDashboard dashboard;

  public GetClinicDashboardHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetClinicDashboardHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetClinicDashboardHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.dashboard = component.getClinicDashboard();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    int weeks = DashboardQuery.weeks(request.queryParameter("weeks"));
    return responses().json(200, dashboard.run(request.tenant(), weeks));
  }
}
