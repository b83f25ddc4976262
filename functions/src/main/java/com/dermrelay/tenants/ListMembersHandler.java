package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/members} (listMembers): clinic admins. */
public final class ListMembersHandler extends ApiHandler {
  private final ListMembers listMembers;

  public ListMembersHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListMembersHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListMembersHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.listMembers = component.listMembers();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, listMembers.run(request.tenant()));
  }
}
