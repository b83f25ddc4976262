package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code PUT /clinics/{tenantId}/members/{memberSub}/medical-lead} (setMedicalLead): clinic admins.
 */
public final class SetMedicalLeadHandler extends ApiHandler {
  private final SetMedicalLead setMedicalLead;
  private final RequestBodies bodies;

  public SetMedicalLeadHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SetMedicalLeadHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SetMedicalLeadHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.setMedicalLead = component.setMedicalLead();
    this.bodies = component.requestBodies();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            setMedicalLead.run(
                request.tenant(),
                request.pathParameter("memberSub"),
                bodies.read(request, SetMedicalLead.MedicalLeadRequest.class)));
  }
}
