package com.dermrelay.datarights;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/me/erasure} (requestErasure): the signed-in patient. */
public final class RequestErasureHandler extends ApiHandler {
  private final RequestErasure requestErasure;

  public RequestErasureHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public RequestErasureHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  RequestErasureHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.requestErasure = component.requestErasure();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, requestErasure.run(request.tenant(), request.caller().email()));
  }
}
