package com.dermrelay.templates;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/answer-template-imports} (importStarterTemplates). */
public final class ImportStarterTemplatesHandler extends ApiHandler {
  private final StarterTemplates useCase;

  public ImportStarterTemplatesHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ImportStarterTemplatesHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ImportStarterTemplatesHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.starterTemplates();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant()));
  }
}
