package com.dermrelay.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/cases} (listMyCases). */
public final class ListMyCasesHandler extends ApiHandler {
  private final ListMyCases useCase;

  public ListMyCasesHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListMyCasesHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListMyCasesHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.listMyCases();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.run(
                request.tenant(),
                request.queryParameter("limit"),
                request.queryParameter("cursor")));
  }
}
