package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/second-reads} (listSecondReads). */
public final class ListSecondReadsHandler extends ApiHandler {
  private final ListSecondReads useCase;

  public ListSecondReadsHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListSecondReadsHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListSecondReadsHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.listSecondReads();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant()));
  }
}
