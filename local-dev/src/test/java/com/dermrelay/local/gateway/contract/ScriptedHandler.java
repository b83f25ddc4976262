package com.dermrelay.local.gateway.contract;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers what the request asks for in its {@code x-answer-*} headers (status, content type, body,
 * Location), so a test can make the handler keep or break the contract at will.
 */
public final class ScriptedHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  public ScriptedHandler(Map<String, String> environment) {}

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Map<String, String> asked = event.getHeaders();
    Map<String, String> headers = new HashMap<>();
    if (asked.containsKey("x-answer-type")) {
      headers.put("Content-Type", asked.get("x-answer-type"));
    }
    if (asked.containsKey("x-answer-location")) {
      headers.put("Location", asked.get("x-answer-location"));
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(Integer.parseInt(asked.getOrDefault("x-answer-status", "200")))
        .withHeaders(headers)
        .withBody(asked.get("x-answer-body"))
        .withIsBase64Encoded(false)
        .build();
  }
}
