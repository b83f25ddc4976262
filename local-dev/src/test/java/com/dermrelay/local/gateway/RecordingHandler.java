package com.dermrelay.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Records every event it gets and echoes the body back byte for byte (same content type, same
 * base64 flag), so a test sees both what the handler received and what the client gets.
 */
public final class RecordingHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final BlockingQueue<APIGatewayV2HTTPEvent> EVENTS = new LinkedBlockingQueue<>();

  public RecordingHandler() {}

  public RecordingHandler(Map<String, String> environment) {}

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    EVENTS.add(event);
    String contentType = event.getHeaders().getOrDefault("content-type", "text/plain");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(200)
        .withHeaders(Map.of("Content-Type", contentType, "X-Route-Key", event.getRouteKey()))
        .withBody(event.getBody())
        .withIsBase64Encoded(event.getIsBase64Encoded())
        .build();
  }
}
