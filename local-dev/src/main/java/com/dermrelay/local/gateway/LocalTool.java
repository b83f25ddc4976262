package com.dermrelay.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * An in-JVM page or endpoint for developers, mounted under {@code /_local/...} of the gateway (e.g.
 * the outbox). Not part of the HTTP API: no JWT, no CORS, no route table.
 */
@FunctionalInterface
public interface LocalTool {
  /**
   * Answers one request; must send a response.
   *
   * @param subPath the raw request path below the mount point: {@code ""} for the mount point
   *     itself, otherwise starting with {@code /}
   */
  void handle(HttpExchange exchange, String subPath) throws IOException;
}
