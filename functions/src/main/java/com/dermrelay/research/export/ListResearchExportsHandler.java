package com.dermrelay.research.export;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/research-exports} (listResearchExports): clinic admins. */
public final class ListResearchExportsHandler extends ApiHandler {
  private final ListResearchExports useCase;

  public ListResearchExportsHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListResearchExportsHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListResearchExportsHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.research().list;
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
