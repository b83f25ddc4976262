package com.dermrelay.research.consent;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code PUT /clinics/{tenantId}/me/research-consent} (giveResearchConsent): the patient. */
public final class GiveResearchConsentHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final GiveResearchConsent useCase;

  public GiveResearchConsentHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GiveResearchConsentHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GiveResearchConsentHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.research().giveConsent;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.run(request.tenant(), bodies.read(request, GiveResearchConsent.Request.class)));
  }
}
