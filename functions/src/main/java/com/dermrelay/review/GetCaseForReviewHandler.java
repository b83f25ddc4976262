package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code GET /clinics/{tenantId}/reviews/{caseId}} (getCaseForReview): the whole case for its
 * review.
 */
public final class GetCaseForReviewHandler extends ApiHandler {
  private final GetCaseForReview useCase;

  public GetCaseForReviewHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetCaseForReviewHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetCaseForReviewHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getCaseForReview();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    String purpose = request.queryParameter("purpose").orElse("read");
    if (!purpose.equals("read") && !purpose.equals("prefetch")) {
      throw ApiProblem.badRequest(
          ProblemTypes.INVALID_REQUEST, "Parameter 'purpose' must be 'read' or 'prefetch'.");
    }
    return responses()
        .json(
            200,
            useCase.run(
                request.tenant(), request.pathParameter("caseId"), purpose.equals("prefetch")));
  }
}
