package com.dermrelay.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;

/** Answers with cookies and a multi-value header, and no body. */
public final class CookieHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  public CookieHandler() {}

  public CookieHandler(Map<String, String> environment) {}

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(204)
        .withCookies(List.of("a=1; Path=/", "b=2; HttpOnly"))
        .withMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")))
        .build();
  }
}
