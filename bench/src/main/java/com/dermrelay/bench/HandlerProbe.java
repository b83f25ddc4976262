package com.dermrelay.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.health.HealthHandler;
import com.dermrelay.testing.TestContext;

/** A cold start in miniature: build the handler (and its Dagger component), answer one request. */
public final class HandlerProbe {
  private HandlerProbe() {}

  public static void main(String[] args) throws Exception {
    HealthHandler handler = new HealthHandler(Benchmarks.readEnvironment(args[0]));
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey("GET /health")
            .withRawPath("/health")
            .build();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("bench"));
    System.exit(response.getStatusCode() == 200 ? 0 : 1);
  }
}
