package com.dermrelay.research.export;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code POST /clinics/{tenantId}/research-exports/{exportId}/download} (downloadResearchExport):
 * clinic admins.
 */
public final class DownloadResearchExportHandler extends ApiHandler {
  private final DownloadResearchExport useCase;

  public DownloadResearchExportHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public DownloadResearchExportHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  DownloadResearchExportHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.research().download;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant(), request.pathParameter("exportId")));
  }
}
