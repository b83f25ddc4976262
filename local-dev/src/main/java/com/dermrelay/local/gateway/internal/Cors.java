package com.dermrelay.local.gateway.internal;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.List;
import java.util.SortedSet;

/**
 * HTTP API's CORS configuration: when origins are configured, the gateway itself answers preflights
 * for known routes and stamps {@code Access-Control-Allow-Origin} on responses to allowed origins,
 * overriding whatever a handler set.
 */
public final class Cors {
  private final List<String> allowedOrigins;
  private final String allowedHeaders;
  private final long maxAgeSeconds;

  public Cors(List<String> allowedOrigins, List<String> allowedHeaders, Duration maxAge) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
    this.allowedHeaders = String.join(", ", allowedHeaders);
    this.maxAgeSeconds = maxAge.toSeconds();
  }

  public boolean configured() {
    return !allowedOrigins.isEmpty();
  }

  public boolean isPreflight(HttpExchange exchange) {
    return configured()
        && "OPTIONS".equals(exchange.getRequestMethod())
        && exchange.getRequestHeaders().getFirst("Origin") != null
        && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null;
  }

  /** Sets the allow-origin headers if the request's origin is allowed; idempotent. */
  public void decorate(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null || !configured()) {
      return;
    }
    if (allowedOrigins.contains("*")) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
    } else if (allowedOrigins.contains(origin)) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
      exchange.getResponseHeaders().set("Vary", "Origin");
    }
  }

  /**
   * Adds the preflight answer's headers. A disallowed origin gets none, so the browser refuses, as
   * it does against API Gateway.
   */
  public void preflightHeaders(HttpExchange exchange, SortedSet<String> methods) {
    decorate(exchange);
    if (exchange.getResponseHeaders().containsKey("Access-Control-Allow-Origin")) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Methods", String.join(", ", methods));
      exchange.getResponseHeaders().set("Access-Control-Allow-Headers", allowedHeaders);
      exchange.getResponseHeaders().set("Access-Control-Max-Age", String.valueOf(maxAgeSeconds));
    }
  }
}
