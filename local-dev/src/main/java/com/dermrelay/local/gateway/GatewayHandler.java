package com.dermrelay.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.local.functions.FunctionFailedException;
import com.dermrelay.local.functions.InProcessFunctions;
import com.dermrelay.local.gateway.internal.Cors;
import com.dermrelay.local.gateway.internal.HttpApiEvents;
import com.dermrelay.local.gateway.internal.HttpApiResponses;
import com.dermrelay.local.gateway.internal.JwtAuthorizer;
import com.dermrelay.local.gateway.internal.StaticFiles;
import com.dermrelay.local.http.Exchanges;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request through the local HTTP API: local tools, CORS preflight, route selection, body limit,
 * JWT authorizer, handler, response; static portal files for GET/HEAD that no route takes.
 */
final class GatewayHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);

  /** One line per request: never the body, the query string or the Authorization header. */
  private static final Logger ACCESS =
      LoggerFactory.getLogger("com.dermrelay.local.gateway.access");

  private static final String LOCAL_PREFIX = "/_local";

  private final RouteTable routes;
  private final InProcessFunctions functions;
  private final JwtAuthorizer authorizer;
  private final Cors cors;
  private final StaticFiles staticFiles;
  private final HttpApiEvents events;
  private final int maxBodyBytes;
  private final Clock clock;
  private final Map<String, LocalTool> tools = new ConcurrentHashMap<>();

  GatewayHandler(
      RouteTable routes,
      InProcessFunctions functions,
      JwtAuthorizer authorizer,
      Cors cors,
      StaticFiles staticFiles,
      HttpApiEvents events,
      int maxBodyBytes,
      Clock clock) {
    this.routes = routes;
    this.functions = functions;
    this.authorizer = authorizer;
    this.cors = cors;
    this.staticFiles = staticFiles;
    this.events = events;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  void mount(String prefix, LocalTool tool) {
    if (!prefix.startsWith(LOCAL_PREFIX + "/") || prefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "local tools mount under " + LOCAL_PREFIX + "/, without a trailing slash: " + prefix);
    }
    tools.put(prefix, tool);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String requestId = newRequestId();
    String logKey = exchange.getRequestMethod() + " -";
    try {
      exchange.getResponseHeaders().set("apigw-requestid", requestId);
      logKey = dispatch(exchange, requestId);
    } catch (IOException e) {
      // Mostly a client that went away; a static file that cannot be read is the other case.
      LOG.warn("I/O error answering request {}: {}", requestId, e.toString());
      if (exchange.getResponseCode() < 0) {
        sendQuietly500(exchange, requestId);
      }
    } catch (RuntimeException e) {
      LOG.error("gateway failure for request {}", requestId, e);
      if (exchange.getResponseCode() < 0) {
        Exchanges.sendProblem(exchange, 500, "Internal Server Error", null);
      }
    } finally {
      exchange.close();
      ACCESS.info(
          "{} {} {}ms {}",
          logKey,
          exchange.getResponseCode(),
          (System.nanoTime() - started) / 1_000_000,
          requestId);
    }
  }

  private static void sendQuietly500(HttpExchange exchange, String requestId) {
    try {
      Exchanges.sendProblem(exchange, 500, "Internal Server Error", null);
    } catch (IOException e) {
      LOG.debug("cannot send the error response of request {} either", requestId, e);
    }
  }

  /** Answers the request; returns what the access log calls it: the route key, or similar. */
  private String dispatch(HttpExchange exchange, String requestId) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    if (rawPath.equals(LOCAL_PREFIX) || rawPath.startsWith(LOCAL_PREFIX + "/")) {
      return method + " " + serveLocalTool(exchange, rawPath);
    }
    cors.decorate(exchange);
    RouteMatch match;
    try {
      if (cors.isPreflight(exchange) && !routes.methodsFor(rawPath).isEmpty()) {
        cors.preflightHeaders(exchange, routes.methodsFor(rawPath));
        Exchanges.send(exchange, 204, null, new byte[0]);
        return "OPTIONS (CORS preflight)";
      }
      match = routes.match(method, rawPath);
    } catch (IllegalArgumentException e) {
      Exchanges.sendProblem(
          exchange, 400, "Bad Request", "The request path is not valid: " + e.getMessage());
      return method + " -";
    }
    if (match instanceof RouteMatch.Found found) {
      invoke(exchange, found, requestId);
      return found.route().routeKey();
    }
    if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
      exchange.getResponseHeaders().set("Allow", String.join(", ", notAllowed.allowed()));
      Exchanges.sendProblem(
          exchange, 405, "Method Not Allowed", method + " is not routed for this path.");
      return method + " -";
    }
    if ((method.equals("GET") || method.equals("HEAD"))
        && staticFiles != null
        && staticFiles.serve(exchange, rawPath)) {
      return method + " (static)";
    }
    Exchanges.sendProblem(exchange, 404, "Not Found", "No route or file for this path.");
    return method + " -";
  }

  private String serveLocalTool(HttpExchange exchange, String rawPath) throws IOException {
    String bestPrefix = null;
    for (String prefix : tools.keySet()) {
      boolean fits = rawPath.equals(prefix) || rawPath.startsWith(prefix + "/");
      if (fits && (bestPrefix == null || prefix.length() > bestPrefix.length())) {
        bestPrefix = prefix;
      }
    }
    if (bestPrefix == null) {
      Exchanges.sendProblem(exchange, 404, "Not Found", "No local tool is mounted at this path.");
      return "-";
    }
    tools.get(bestPrefix).handle(exchange, rawPath.substring(bestPrefix.length()));
    return "(local " + bestPrefix + ")";
  }

  private void invoke(HttpExchange exchange, RouteMatch.Found found, String requestId)
      throws IOException {
    Route route = found.route();
    byte[] body;
    try {
      body = Exchanges.readBody(exchange, maxBodyBytes);
    } catch (Exchanges.BodyTooLargeException e) {
      Exchanges.sendProblem(
          exchange,
          413,
          "Content Too Large",
          "The request body exceeds " + maxBodyBytes + " bytes.");
      return;
    }
    JwtAuthorizer.Authorized authorization = null;
    if (route.requiresJwt()) {
      JwtAuthorizer.Result result =
          authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization"));
      if (result instanceof JwtAuthorizer.Rejected rejected) {
        reject(exchange, rejected);
        return;
      }
      authorization = (JwtAuthorizer.Authorized) result;
      if (!hasRequiredScope(route, authorization)) {
        exchange
            .getResponseHeaders()
            .set("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        Exchanges.sendProblem(
            exchange, 403, "Forbidden", "The token lacks a scope this route requires.");
        return;
      }
    }
    APIGatewayV2HTTPEvent event =
        events.build(
            exchange,
            new HttpApiEvents.RequestFacts(
                requestId,
                route.routeKey(),
                found.pathParameters(),
                body,
                clock.instant(),
                authorization));
    HttpApiResponses.Prepared prepared;
    try {
      APIGatewayV2HTTPResponse response =
          functions.invokeHttp(route.handlerClass(), event, route.operationId());
      prepared = HttpApiResponses.prepare(response, exchange.getResponseHeaders());
    } catch (FunctionFailedException e) {
      // As on AWS: the caller learns nothing; the log (not the body: it may hold health data)
      // tells the developer what happened.
      LOG.error(
          "{} ({}) failed for request {}",
          route.routeKey(),
          route.handlerClass(),
          requestId,
          e.getCause());
      internalError(exchange, requestId);
      return;
    } catch (RuntimeException e) {
      LOG.error(
          "{} ({}) cannot be answered for request {}",
          route.routeKey(),
          route.handlerClass(),
          requestId,
          e);
      internalError(exchange, requestId);
      return;
    }
    cors.decorate(exchange);
    Exchanges.send(exchange, prepared.status(), null, prepared.body());
  }

  private static boolean hasRequiredScope(Route route, JwtAuthorizer.Authorized authorization) {
    if (route.scopes().isEmpty()) {
      return true;
    }
    return authorization.scopes() != null
        && authorization.scopes().stream().anyMatch(route.scopes()::contains);
  }

  private void internalError(HttpExchange exchange, String requestId) throws IOException {
    // Headers copied from a response that then proved invalid must not leak into the error.
    exchange.getResponseHeaders().clear();
    exchange.getResponseHeaders().set("apigw-requestid", requestId);
    cors.decorate(exchange);
    Exchanges.sendProblem(exchange, 500, "Internal Server Error", null);
  }

  private static void reject(HttpExchange exchange, JwtAuthorizer.Rejected rejected)
      throws IOException {
    if (rejected.status() == 401) {
      exchange
          .getResponseHeaders()
          .set(
              "WWW-Authenticate",
              rejected.tokenPresent()
                  ? "Bearer error=\"invalid_token\", error_description=\""
                      + rejected.detail()
                      + "\""
                  : "Bearer");
      Exchanges.sendProblem(exchange, 401, "Unauthorized", rejected.detail());
    } else {
      Exchanges.sendProblem(exchange, rejected.status(), "Service Unavailable", rejected.detail());
    }
  }

  /** Shaped like API Gateway's request ids (e.g. {@code JKJaXmPLvHcESHA=}). */
  private static String newRequestId() {
    byte[] bytes = new byte[10];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
