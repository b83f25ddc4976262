package com.dermrelay.local.gateway.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a handler's payload-format-2.0 response into the status, headers and bytes to send. */
public final class HttpApiResponses {
  /** Framing headers belong to the server, not the handler. */
  private static final Set<String> SERVER_HEADERS =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "date");

  private HttpApiResponses() {}

  /** A response ready to send. */
  public record Prepared(int status, byte[] body) {}

  /**
   * Copies the handler's headers and cookies into {@code headers} and returns status and body.
   *
   * @throws IllegalStateException for a response API Gateway would also refuse (bad status, body
   *     flagged base64 that is not)
   */
  public static Prepared prepare(APIGatewayV2HTTPResponse response, Headers headers) {
    if (response == null) {
      throw new IllegalStateException("handler returned no response");
    }
    int status = response.getStatusCode();
    if (status < 100 || status > 599) {
      throw new IllegalStateException("handler returned status code " + status);
    }
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach(
              (name, value) -> {
                if (value != null && !SERVER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                  headers.set(name, value);
                }
              });
    }
    if (response.getMultiValueHeaders() != null) {
      response
          .getMultiValueHeaders()
          .forEach(
              (name, values) -> {
                if (values != null && !SERVER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> headers.add(name, value));
                }
              });
    }
    List<String> cookies = response.getCookies();
    if (cookies != null) {
      cookies.forEach(cookie -> headers.add("Set-Cookie", cookie));
    }
    String body = response.getBody();
    byte[] bytes;
    if (body == null) {
      bytes = new byte[0];
    } else if (response.getIsBase64Encoded()) {
      try {
        bytes = Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("handler flagged a body base64 that is not base64", e);
      }
    } else {
      bytes = body.getBytes(StandardCharsets.UTF_8);
    }
    return new Prepared(status, bytes);
  }
}
