package com.dermrelay.research.consent;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code DELETE /clinics/{tenantId}/me/research-consent} (withdrawResearchConsent): the patient.
 */
public final class WithdrawResearchConsentHandler extends ApiHandler {
  private final WithdrawResearchConsent useCase;

  public WithdrawResearchConsentHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public WithdrawResearchConsentHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  WithdrawResearchConsentHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.research().withdrawConsent;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant()));
  }
}
