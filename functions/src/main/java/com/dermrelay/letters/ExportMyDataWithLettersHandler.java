package com.dermrelay.letters;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.datarights.ExportMyData;
import java.util.Map;

/**
 * {@code POST /clinics/{tenantId}/me/data-exports} (exportMyData): the signed-in patient. Here, not
 * in datarights, because the export holds the answer letters: it deploys from dermrelay-letters.jar
 * with the letters' component (docs/decisions/0022-letters-jar.md); the use case is datarights'.
 */
public final class ExportMyDataWithLettersHandler extends ApiHandler {
  private final ExportMyData exportMyData;

  public ExportMyDataWithLettersHandler() {
    this(LettersFunctions.fromProcessEnvironment());
  }

  public ExportMyDataWithLettersHandler(Map<String, String> environment) {
    this(LettersFunctions.forEnvironment(environment));
  }

  ExportMyDataWithLettersHandler(LettersComponent component) {
    super(component.apiHandlerSupport());
    this.exportMyData = component.exportMyData();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    String language = request.queryParameter("language").orElse(ExportMyData.LANGUAGES.get(0));
    if (!ExportMyData.LANGUAGES.contains(language)) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST,
          "Parameter 'language' must be one of " + String.join(", ", ExportMyData.LANGUAGES) + ".");
    }
    return responses()
        .json(201, exportMyData.run(request.tenant(), request.caller().email(), language));
  }
}
