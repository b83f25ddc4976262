package com.dermrelay.fhir.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.fhir.FhirComponent;
import com.dermrelay.fhir.FhirFunctions;
import java.util.Map;

/**
 * {@code GET /clinics/{tenantId}/cases/{caseId}/fhir-bundle} (getCaseFhirBundle): the FHIR R4
 * Bundle of an answered round. Deployed from dermrelay-fhir.jar.
 */
public final class GetCaseFhirBundleHandler extends ApiHandler {
  static final String FHIR_JSON = "application/fhir+json";

  private final GetCaseFhirBundle useCase;

  public GetCaseFhirBundleHandler() {
    this(FhirFunctions.fromProcessEnvironment());
  }

  public GetCaseFhirBundleHandler(Map<String, String> environment) {
    this(FhirFunctions.forEnvironment(environment));
  }

  GetCaseFhirBundleHandler(FhirComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getCaseFhirBundle();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .body(
            200,
            FHIR_JSON,
            useCase.run(
                request.tenant(),
                request.pathParameter("caseId"),
                request.queryParameter("round")));
  }
}
