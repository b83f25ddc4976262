package com.dermrelay.letters;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.ProblemTypes;
import java.util.Map;

/**
 * {@code GET /clinics/{tenantId}/cases/{caseId}/answer/letter} (getAnswerLetter): the patient.
 * Deployed from dermrelay-letters.jar (PDFBox).
 */
public final class GetAnswerLetterHandler extends ApiHandler {
  private final GetAnswerLetter useCase;

  public GetAnswerLetterHandler() {
    this(LettersFunctions.fromProcessEnvironment());
  }

  public GetAnswerLetterHandler(Map<String, String> environment) {
    this(LettersFunctions.forEnvironment(environment));
  }

  GetAnswerLetterHandler(LettersComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getAnswerLetter();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    String language = request.queryParameter("language").orElse(GetAnswerLetter.languages().get(0));
    if (!GetAnswerLetter.languages().contains(language)) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST,
          "Parameter 'language' must be one of "
              + String.join(", ", GetAnswerLetter.languages())
              + ".");
    }
    GetAnswerLetter.LetterFile letter =
        useCase.run(
            request.tenant(), request.pathParameter("caseId"), request.callerName(), language);
    return responses().file(200, "application/pdf", letter.fileName(), letter.pdf());
  }
}
