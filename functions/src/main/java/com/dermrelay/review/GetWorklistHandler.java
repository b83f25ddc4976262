package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /worklist} (getWorklist): the dermatologist's merged worklist across clinics. */
public final class GetWorklistHandler extends ApiHandler {
  private final GetWorklist useCase;

  public GetWorklistHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetWorklistHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetWorklistHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.getWorklist();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.run(
                request.caller(),
                request.callerName(),
                request.requestId(),
                request.requestTime(),
                new GetWorklist.Query(
                    request.queryParameter("clinic"),
                    request.queryParameter("limit"),
                    request.queryParameter("cursor"))));
  }
}
