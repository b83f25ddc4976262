package com.dermrelay.fhir.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.fhir.FhirComponent;
import com.dermrelay.fhir.FhirFunctions;
import java.util.Map;

/**
 * {@code POST /clinics/{tenantId}/cases/{caseId}/ehr/deliveries/{round}/send} (resendToEhr): clinic
 * admins. Builds the Bundle, so it ships in dermrelay-fhir.jar.
 */
public final class ResendToEhrHandler extends ApiHandler {
  private final ResendCaseToEhr useCase;

  public ResendToEhrHandler() {
    this(FhirFunctions.fromProcessEnvironment());
  }

  public ResendToEhrHandler(Map<String, String> environment) {
    this(FhirFunctions.forEnvironment(environment));
  }

  ResendToEhrHandler(FhirComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.resendCaseToEhr();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    boolean force = request.queryParameter("force").map("true"::equals).orElse(false);
    return responses()
        .json(
            200,
            useCase.run(
                request.tenant(),
                request.pathParameter("caseId"),
                request.pathParameter("round"),
                force));
  }
}
