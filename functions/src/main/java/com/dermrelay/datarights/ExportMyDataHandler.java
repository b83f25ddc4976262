package com.dermrelay.datarights;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/me/data-exports} (exportMyData): the signed-in patient. */
public final class ExportMyDataHandler extends ApiHandler {
  private final ExportMyData exportMyData;

  public ExportMyDataHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ExportMyDataHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ExportMyDataHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.exportMyData = component.exportMyData();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    String language = request.queryParameter("language").orElse(ExportMyData.LANGUAGES.get(0));
    if (!ExportMyData.LANGUAGES.contains(language)) {
      throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST,
          "Parameter 'language' must be one of " + String.join(", ", ExportMyData.LANGUAGES) + ".");
    }
    return responses().json(201, exportMyData.run(request.tenant(), request.caller().email(), language));
  }
}
