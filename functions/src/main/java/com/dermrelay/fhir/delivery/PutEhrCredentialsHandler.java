package com.dermrelay.fhir.delivery;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /clinics/{tenantId}/ehr/credentials} (putEhrCredentials): clinic admins; 204. */
public final class PutEhrCredentialsHandler extends ApiHandler {
  private final PutEhrCredentials useCase;
  private final RequestBodies bodies;

  public PutEhrCredentialsHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public PutEhrCredentialsHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  PutEhrCredentialsHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.ehrDelivery().putCredentials;
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    useCase.run(request.tenant(), bodies.read(request, PutEhrCredentials.Body.class));
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(204)
        .withHeaders(Map.of("Cache-Control", "no-store"))
        .withBody("")
        .withIsBase64Encoded(false)
        .build();
  }
}
