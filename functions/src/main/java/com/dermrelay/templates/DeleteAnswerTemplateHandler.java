package com.dermrelay.templates;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code DELETE /clinics/{tenantId}/answer-templates/{templateId}} (deleteAnswerTemplate). */
public final class DeleteAnswerTemplateHandler extends ApiHandler {
  private final AnswerTemplates useCase;

  public DeleteAnswerTemplateHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public DeleteAnswerTemplateHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  DeleteAnswerTemplateHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.answerTemplates();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    String templateId = request.pathParameter("templateId");
    useCase.delete(request.tenant(), templateId, version(request));
    return responses().json(200, Map.of("id", templateId, "deleted", true));
  }

  /** The required {@code version} query parameter, a whole number as sent (never rounded). */
  private static long version(ApiRequest request) {
    String text = request.queryParameter("version").orElse("");
    if (text.matches("^(0|[1-9][0-9]{0,17})$")) {
      return Long.parseLong(text);
    }
    throw ApiProblem.badRequest(
        ProblemTypes.INVALID_REQUEST,
        "Parameter 'version' is required: the version of the template you read.");
  }
}
