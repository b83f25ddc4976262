package com.dermrelay.local.reconcile;

import com.dermrelay.local.clock.ClockControl;
import com.dermrelay.local.gateway.LocalTool;
import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /_local/reconcile}: runs the product's reconciler of stranded cases once, now, as its
 * schedule does on AWS every 15 minutes (decision 0024), and answers its counts ({@code clinics},
 * {@code casesChecked}, {@code redriven}). {@code POST} with a platform operator's ID token only,
 * checked as the API checks tokens. Only the local stack mounts it (the contract has no {@code
 * /_local} path).
 */
public final class ReconcileControl implements LocalTool {
  private static final String OPERATOR = "platform_operator";

  private final Supplier<JsonNode> reconcile;
  private final Function<String, Optional<Map<String, String>>> tokens;

  /**
   * @param reconcile one run of the reconciler, returning its counts
   * @param tokens the verified claims of an Authorization header (the gateway's checks), or empty
   */
  public ReconcileControl(
      Supplier<JsonNode> reconcile, Function<String, Optional<Map<String, String>>> tokens) {
    this.reconcile = reconcile;
    this.tokens = tokens;
  }

  @Override
  public void handle(HttpExchange exchange, String subPath) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (!subPath.isEmpty() && !subPath.equals("/")) {
      Exchanges.sendProblem(exchange, 404, "Not Found", "The reconciler is at /_local/reconcile.");
      return;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      Exchanges.sendProblem(exchange, 405, "Method Not Allowed", "Run the reconciler with POST.");
      return;
    }
    Optional<Map<String, String>> claims =
        tokens.apply(exchange.getRequestHeaders().getFirst("Authorization"));
    if (claims.isEmpty()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      Exchanges.sendProblem(
          exchange, 401, "Unauthorized", "Sign in as a platform operator to run the reconciler.");
      return;
    }
    if (!ClockControl.groups(claims.get().get("cognito:groups")).contains(OPERATOR)) {
      Exchanges.sendProblem(
          exchange, 403, "Forbidden", "Only a platform operator may run the reconciler.");
      return;
    }
    Exchanges.sendJson(exchange, 200, reconcile.get());
  }
}
