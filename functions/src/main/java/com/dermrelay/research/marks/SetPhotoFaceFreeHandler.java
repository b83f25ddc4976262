package com.dermrelay.research.marks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code PUT /clinics/{tenantId}/cases/{caseId}/photos/{photoId}/face-free} (setPhotoFaceFree):
 * dermatologists.
 */
public final class SetPhotoFaceFreeHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final SetPhotoFaceFree useCase;

  public SetPhotoFaceFreeHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SetPhotoFaceFreeHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SetPhotoFaceFreeHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.research().setFaceFree;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.run(
                request.tenant(),
                request.pathParameter("caseId"),
                request.pathParameter("photoId"),
                bodies.read(request, PhotoMarkViews.Request.class)));
  }
}
