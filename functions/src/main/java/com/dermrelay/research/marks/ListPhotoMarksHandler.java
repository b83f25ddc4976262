package com.dermrelay.research.marks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/cases/{caseId}/photo-marks} (listPhotoMarks): dermatologists. */
public final class ListPhotoMarksHandler extends ApiHandler {
  private final ListPhotoMarks useCase;

  public ListPhotoMarksHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListPhotoMarksHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListPhotoMarksHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.research().listMarks;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses().json(200, useCase.run(request.tenant(), request.pathParameter("caseId")));
  }
}
