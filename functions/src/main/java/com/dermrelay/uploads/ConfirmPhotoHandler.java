package com.dermrelay.uploads;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases/{caseId}/photos/{photoId}/confirm} (confirmPhoto). */
public final class ConfirmPhotoHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final ConfirmPhoto useCase;

  public ConfirmPhotoHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ConfirmPhotoHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ConfirmPhotoHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.confirmPhoto();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    UploadRequests.Confirm body = bodies.read(request, UploadRequests.Confirm.class);
    return responses()
        .json(
            200,
            useCase.run(
                request.tenant(),
                request.pathParameter("caseId"),
                request.pathParameter("photoId"),
                body));
  }
}
