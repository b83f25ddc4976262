package com.dermrelay.quality.figures;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code GET /clinics/{tenantId}/quality} (getClinicQuality): clinic admins, the clinic's medical
 * leads, platform operators.
 */
public final class GetClinicQualityHandler extends ApiHandler {
  private final GetClinicQuality quality;

  public GetClinicQualityHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetClinicQualityHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetClinicQualityHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.quality = component.getClinicQuality();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    GetClinicQuality.Period period =
        GetClinicQuality.period(
            request.queryParameter("from"),
            request.queryParameter("to"),
            request.tenant().requestTime());
    return responses().json(200, quality.run(request.tenant(), period));
  }
}
