package com.dermrelay.local.clock;

import com.dermrelay.local.gateway.LocalTool;
import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /_local/clock}: the local stack's one clock (the Step Functions interpreter's, which the
 * in-process functions read, and on a started stack the identity service's and the gateway's token
 * checks too), and a way to move it forward so waits of days can be watched: a follow-up coming
 * due, an SLA escalating. {@code GET} answers {@code {now, aheadBy}}; {@code POST} {@code
 * {"advanceBy": "P1D"}} (an ISO-8601 duration, positive, at most {@value #MAX_DAYS} days) moves it,
 * for a platform operator's ID token only, checked as the API checks tokens. It exists only where
 * the local stack mounts it: the contract has no {@code /_local} path, so API Gateway never routes
 * one, and nothing but the local stack's own clock can be moved. {@code /panel.js} is the outbox
 * page's button.
 */
public final class ClockControl implements LocalTool {
  static final long MAX_DAYS = 400;
  private static final String OPERATOR = "platform_operator";
  private static final int MAX_BODY = 4096;

  private final MovableClock clock;
  private final Function<String, Optional<Map<String, String>>> tokens;

  /**
   * @param tokens the verified claims of an Authorization header (the gateway's checks), or empty
   */
  public ClockControl(MovableClock clock, Function<String, Optional<Map<String, String>>> tokens) {
    this.clock = clock;
    this.tokens = tokens;
  }

  @Override
  public void handle(HttpExchange exchange, String subPath) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    String method = exchange.getRequestMethod();
    if (subPath.equals("/panel.js") && (method.equals("GET") || method.equals("HEAD"))) {
      Exchanges.send(exchange, 200, "text/javascript; charset=utf-8", panelScript());
      return;
    }
    if (!subPath.isEmpty() && !subPath.equals("/")) {
      Exchanges.sendProblem(exchange, 404, "Not Found", "The clock is at /_local/clock.");
      return;
    }
    switch (method) {
      case "GET", "HEAD" -> Exchanges.sendJson(exchange, 200, state());
      case "POST" -> advance(exchange);
      default -> {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
        Exchanges.sendProblem(
            exchange, 405, "Method Not Allowed", "Read the clock with GET, move it with POST.");
      }
    }
  }

  private void advance(HttpExchange exchange) throws IOException {
    Optional<Map<String, String>> claims =
        tokens.apply(exchange.getRequestHeaders().getFirst("Authorization"));
    if (claims.isEmpty()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      Exchanges.sendProblem(
          exchange, 401, "Unauthorized", "Sign in as a platform operator to move the clock.");
      return;
    }
    if (!groups(claims.get().get("cognito:groups")).contains(OPERATOR)) {
      Exchanges.sendProblem(
          exchange, 403, "Forbidden", "Only a platform operator may move the local clock.");
      return;
    }
    Duration by;
    try {
      by = parse(Exchanges.readBody(exchange, MAX_BODY));
    } catch (Exchanges.BodyTooLargeException e) {
      Exchanges.sendProblem(
          exchange, 413, "Content Too Large", "The body exceeds " + MAX_BODY + " bytes.");
      return;
    } catch (IllegalArgumentException e) {
      ObjectNode problem = Exchanges.problem(400, "Bad Request", e.getMessage());
      problem
          .putArray("errors")
          .addObject()
          .put("pointer", "/advanceBy")
          .put("detail", e.getMessage());
      Exchanges.sendJson(exchange, 400, Exchanges.PROBLEM_JSON, problem);
      return;
    }
    clock.advance(by);
    Exchanges.sendJson(exchange, 200, state());
  }

  /**
   * The body's {@code advanceBy}, a positive ISO-8601 duration of at most {@value #MAX_DAYS} days.
   */
  static Duration parse(byte[] body) {
    JsonNode json;
    try {
      json = Exchanges.JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("The body must be JSON: {\"advanceBy\": \"P1D\"}.");
    }
    JsonNode value = json == null ? null : json.get("advanceBy");
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(
          "advanceBy must be an ISO-8601 duration such as \"PT6H\" or \"P7D\".");
    }
    Duration by;
    try {
      by = Duration.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "advanceBy must be an ISO-8601 duration such as \"PT6H\" or \"P7D\".");
    }
    if (by.isNegative() || by.isZero() || by.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
      throw new IllegalArgumentException(
          "advanceBy must be more than zero and at most " + MAX_DAYS + " days.");
    }
    return by;
  }

  private ObjectNode state() {
    ObjectNode state = Exchanges.JSON.createObjectNode();
    state.put("now", clock.now().toString());
    state.put("aheadBy", clock.moved().toString());
    return state;
  }

  /** {@code cognito:groups} as the gateway renders it: {@code [a b]}, or a single name. */
  public static java.util.List<String> groups(String rendered) {
    if (rendered == null) {
      return java.util.List.of();
    }
    String inner = rendered.strip();
    if (inner.startsWith("[") && inner.endsWith("]")) {
      inner = inner.substring(1, inner.length() - 1);
    }
    return Arrays.stream(inner.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
  }

  private static byte[] panelScript() {
    try (InputStream in = ClockControl.class.getResourceAsStream("/dermrelay/clock/panel.js")) {
      if (in == null) {
        throw new IllegalStateException("panel.js is missing from the local-dev jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
