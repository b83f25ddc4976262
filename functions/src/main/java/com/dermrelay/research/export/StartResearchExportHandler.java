package com.dermrelay.research.export;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.IdempotencyKey;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/research-exports} (startResearchExport): clinic admins. */
public final class StartResearchExportHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final StartResearchExport useCase;

  public StartResearchExportHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public StartResearchExportHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  StartResearchExportHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.research().start;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    String key = IdempotencyKey.required(request);
    return responses()
        .json(
            202,
            useCase.run(
                request.tenant(), key, bodies.read(request, StartResearchExport.Request.class)));
  }
}
