package com.dermrelay.research.consent;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/me/research-consent} (getMyResearchConsent): the patient. */
public final class GetMyResearchConsentHandler extends ApiHandler {
  private final GetMyResearchConsent useCase;

  public GetMyResearchConsentHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetMyResearchConsentHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetMyResearchConsentHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.research().getConsent;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant()));
  }
}
