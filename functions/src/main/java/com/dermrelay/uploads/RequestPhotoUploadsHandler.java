package com.dermrelay.uploads;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code POST /clinics/{tenantId}/cases/{caseId}/photo-uploads} (requestPhotoUploads). */
public final class RequestPhotoUploadsHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final RequestPhotoUploads useCase;

  public RequestPhotoUploadsHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public RequestPhotoUploadsHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  RequestPhotoUploadsHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.useCase = component.requestPhotoUploads();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    UploadRequests.Request body = bodies.read(request, UploadRequests.Request.class);
    return responses()
        .json(201, useCase.run(request.tenant(), request.pathParameter("caseId"), body));
  }
}
