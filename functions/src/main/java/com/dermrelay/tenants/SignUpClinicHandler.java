package com.dermrelay.tenants;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.http.IdempotencyKey;
import com.dermrelay.core.http.RequestBodies;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /public/clinic-sign-ups} (signUpClinic): public, counted per source address before
 * the body is read and per admin e-mail after; over the limit answers 429 with Retry-After.
 */
public final class SignUpClinicHandler extends ApiHandler {
  private final RequestBodies bodies;
  private final PublicClinicSignUp signUp;

  public SignUpClinicHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SignUpClinicHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SignUpClinicHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.bodies = component.requestBodies();
    this.signUp = component.publicClinicSignUp();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    APIGatewayV2HTTPEvent event = request.event();
    // Checked first: a malformed key is refused before any store is touched.
    Optional<String> idempotencyKey = IdempotencyKey.optional(request);
    try {
      return responses()
          .json(
              201,
              signUp.run(
                  sourceIp(event),
                  () -> bodies.read(request, ClinicSignUp.class),
                  idempotencyKey,
                  request.requestId(),
                  request.requestTime()));
    } catch (SignUpRateLimit.Exceeded exceeded) {
      APIGatewayV2HTTPResponse response = responses().problem(exceeded, request.requestId());
      Map<String, String> headers = new HashMap<>(response.getHeaders());
      headers.put("Retry-After", Long.toString(exceeded.retryAfterSeconds()));
      response.setHeaders(headers);
      return response;
    }
  }

  private static String sourceIp(APIGatewayV2HTTPEvent event) {
    return event.getRequestContext() == null || event.getRequestContext().getHttp() == null
        ? null
        : event.getRequestContext().getHttp().getSourceIp();
  }
}
