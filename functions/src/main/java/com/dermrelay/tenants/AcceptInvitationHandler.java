package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code POST /invitations/accept} (acceptInvitation): a signed-in dermatologist, not yet a member.
 */
public final class AcceptInvitationHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final AcceptInvitation acceptInvitation;

  public AcceptInvitationHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public AcceptInvitationHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  AcceptInvitationHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.acceptInvitation = component.acceptInvitation();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    InvitationAcceptance acceptance = bodies.read(request, InvitationAcceptance.class);
    return responses()
        .json(
            200,
            acceptInvitation.run(
                request.caller(),
                request.callerName(),
                acceptance,
                request.requestId(),
                request.requestTime()));
  }
}
