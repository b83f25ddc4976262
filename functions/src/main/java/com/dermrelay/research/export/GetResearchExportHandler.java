package com.dermrelay.research.export;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code GET /clinics/{tenantId}/research-exports/{exportId}} (getResearchExport): clinic admins.
 */
public final class GetResearchExportHandler extends ApiHandler {
  private final GetResearchExport useCase;

  public GetResearchExportHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetResearchExportHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetResearchExportHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.research().get;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant(), request.pathParameter("exportId")));
  }
}
