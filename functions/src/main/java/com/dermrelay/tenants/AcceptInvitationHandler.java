package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** {@code POST /invitations/accept} (acceptInvitation): a signed-in dermatologist, not yet a member. */
public final class AcceptInvitationHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final AcceptInvitation acceptInvitation;
  private final Clock clock;

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
    this.clock = component.clock();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    InvitationAcceptance acceptance = bodies.read(request.event(), InvitationAcceptance.class);
    Map<String, String> claims = request.event().getRequestContext().getAuthorizer().getJwt().getClaims();
    String name = Optional.ofNullable(claims.get("name")).orElse(request.caller().email());
    long millis = request.event().getRequestContext().getTimeEpoch();
    Instant time = millis > 0 ? Instant.ofEpochMilli(millis) : clock.instant();
    return responses().json(200, acceptInvitation.run(request.caller(), name, acceptance,
        request.requestId(), time));
  }
}
