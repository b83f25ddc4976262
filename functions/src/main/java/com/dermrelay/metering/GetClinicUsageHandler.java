package com.dermrelay.metering;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/usage} (getClinicUsage): clinic admins, platform operators. */
public final class GetClinicUsageHandler extends ApiHandler {
  private final GetClinicUsage usage;

  public GetClinicUsageHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetClinicUsageHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetClinicUsageHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.usage = component.getClinicUsage();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    int months = GetClinicUsage.months(request.queryParameter("months"));
    return responses().json(200, usage.run(request.tenant(), months));
  }
}
