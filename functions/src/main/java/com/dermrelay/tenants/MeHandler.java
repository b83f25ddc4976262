package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /me} (operation getMe): who the signed-in caller is, as the portal needs it. */
public final class MeHandler extends ApiHandler {
  /** The body of the response; roles as their group names. */
  public record Me(
      String subject, String email, java.util.List<String> roles, String homeTenantId) {}

  public MeHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public MeHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  MeHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    Caller caller = request.caller();
    return responses()
        .json(
            200,
            new Me(
                caller.subject(),
                caller.email(),
                caller.roles().stream().map(Role::group).toList(),
                caller.homeTenantId().orElse(null)));
  }
}
