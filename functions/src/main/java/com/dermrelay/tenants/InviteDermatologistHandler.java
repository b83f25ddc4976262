package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/invitations} (inviteDermatologist): clinic admins. */
public final class InviteDermatologistHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final InviteDermatologist inviteDermatologist;

  public InviteDermatologistHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public InviteDermatologistHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  InviteDermatologistHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.inviteDermatologist = component.inviteDermatologist();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    DermatologistInvitation invitation = bodies.read(request, DermatologistInvitation.class);
    return responses().json(201, inviteDermatologist.run(request.tenant(), invitation));
  }
}
