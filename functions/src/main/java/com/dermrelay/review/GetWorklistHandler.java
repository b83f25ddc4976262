package com.dermrelay.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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
    var claims = request.event().getRequestContext().getAuthorizer().getJwt().getClaims();
    String name = Optional.ofNullable(claims.get("name")).orElse(request.caller().email());
    long epochMillis = request.event().getRequestContext().getTimeEpoch();
    Instant time = epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : Instant.now();
    return responses().json(200, useCase.run(request.caller(), name, request.requestId(), time,
        new GetWorklist.Query(request.queryParameter("clinic"), request.queryParameter("limit"),
            request.queryParameter("cursor"))));
  }
}
