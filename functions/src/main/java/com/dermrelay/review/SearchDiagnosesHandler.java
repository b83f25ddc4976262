package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /diagnoses?q=} (searchDiagnoses). */
public final class SearchDiagnosesHandler extends ApiHandler {
  private final SearchDiagnoses useCase;

  public SearchDiagnosesHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SearchDiagnosesHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SearchDiagnosesHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.searchDiagnoses();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    String query = request.queryParameter("q").orElse("");
    if (query.length() > 100) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "Parameter 'q' must be at most 100 characters.");
    }
    return responses().json(200, useCase.run(query, limit(request)));
  }

  private static int limit(ApiRequest request) {
    String text = request.queryParameter("limit").orElse(null);
    if (text == null) {
      return SearchDiagnoses.DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= 100) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiProblem.badRequest(
        ProblemTypes.INVALID_REQUEST, "Parameter 'limit' must be a whole number from 1 to 100.");
  }
}
