package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code DELETE /clinics/{tenantId}/members/{memberSub}} (removeMember): clinic admins. */
public final class RemoveMemberHandler extends ApiHandler {
  private final RemoveMember removeMember;

  public RemoveMemberHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public RemoveMemberHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  RemoveMemberHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.removeMember = component.removeMember();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(200, removeMember.run(request.tenant(), request.pathParameter("memberSub")));
  }
}
