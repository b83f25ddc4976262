package com.dermrelay.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.health.HealthHandler;
import com.dermrelay.testing.TestContext;
import java.util.Map;

/**
 * What SnapStart priming buys, as far as a JVM without CRaC can show it: in a fresh JVM, build the
 * handler, optionally run the priming hook (what Lambda runs before it takes the snapshot), then
 * time the first {@code GET /health}: the request a restored function answers first. Prints {@code
 * PRIME <ms>} and {@code FIRST <ms>}.
 */
public final class FirstRequestProbe {
  private FirstRequestProbe() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = Benchmarks.readEnvironment(args[0]);
    boolean primed = "primed".equals(args[1]);
    HealthHandler handler = new HealthHandler(env);
    long primeStart = System.nanoTime();
    if (primed) {
      Functions.forEnvironment(env).snapStartPriming().beforeCheckpoint(null);
    }
    long firstStart = System.nanoTime();
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey("GET /health")
            .withRawPath("/health")
            .build();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("bench"));
    long end = System.nanoTime();
    System.out.println("PRIME " + (firstStart - primeStart) / 1_000_000);
    System.out.println("FIRST " + (end - firstStart) / 1_000_000);
    System.exit(response.getStatusCode() == 200 ? 0 : 1);
  }
}
