package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/flagged-second-reads} (listFlaggedSecondReads). */
public final class ListFlaggedSecondReadsHandler extends ApiHandler {
  private final ListFlaggedSecondReads useCase;

  public ListFlaggedSecondReadsHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListFlaggedSecondReadsHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListFlaggedSecondReadsHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.listFlaggedSecondReads();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant()));
  }
}
