package com.dermrelay.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reading requests and writing JSON, problem+json and plain responses on a JDK exchange. */
public final class Exchanges {
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String PROBLEM_JSON = "application/problem+json";

  private Exchanges() {}

  /** Thrown when a request body exceeds the limit; the caller answers 413. */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(int limit) {
      super("request body exceeds " + limit + " bytes");
    }
  }

  /** Reads the whole body, refusing more than {@code maxBytes} without reading it all. */
  public static byte[] readBody(HttpExchange exchange, int maxBytes) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBytes) {
          throw new BodyTooLargeException(maxBytes);
        }
      } catch (NumberFormatException ignored) {
        // A malformed length is left to the stream read below, which enforces the limit itself.
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new BodyTooLargeException(maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  public static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean noBody =
        body.length == 0 || "HEAD".equals(exchange.getRequestMethod()) || status == 204;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    sendJson(exchange, status, "application/json", body);
  }

  public static void sendJson(HttpExchange exchange, int status, String contentType, Object body)
      throws IOException {
    send(exchange, status, contentType, JSON.writeValueAsBytes(body));
  }

  public static void sendText(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** An RFC 9457 problem with {@code type} about:blank: the status and title say it all. */
  public static ObjectNode problem(int status, String title, String detail) {
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    if (detail != null) {
      problem.put("detail", detail);
    }
    return problem;
  }

  public static void sendProblem(HttpExchange exchange, int status, String title, String detail)
      throws IOException {
    sendJson(exchange, status, PROBLEM_JSON, problem(status, title, detail));
  }
}
