package com.dermrelay.local.outbox;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.http.LocalHttpServer;
import com.dermrelay.local.outbox.internal.SesV2SendEmail;
import com.dermrelay.local.outbox.internal.SnsPublish;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SES v2 and SNS endpoint of the local stack: {@code SendEmail} and {@code Publish}, enough for
 * the real SDK clients pointed here with {@code endpointOverride} (any signature accepted). Every
 * message is recorded in the {@link Outbox}; {@code GET /} shows them.
 */
public final class OutboxServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 8025;
  static final String SES_SEND_EMAIL_PATH = "/v2/email/outbound-emails";
  private static final Logger LOG = LoggerFactory.getLogger(OutboxServer.class);
  private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final LocalHttpServer server;

  private OutboxServer(LocalHttpServer server) {
    this.server = server;
  }

  public static OutboxServer start(Outbox outbox, String host, int port) {
    OutboxViews views = new OutboxViews(outbox);
    return new OutboxServer(
        LocalHttpServer.start("outbox", host, port, exchange -> handle(exchange, outbox, views)));
  }

  public int port() {
    return server.port();
  }

  /** The endpoint to give the SDK clients, e.g. {@code http://127.0.0.1:8025}. */
  public String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }

  private static void handle(HttpExchange exchange, Outbox outbox, OutboxViews views)
      throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      if (method.equals("POST") && path.equals(SES_SEND_EMAIL_PATH)) {
        sendEmail(exchange, outbox);
      } else if (method.equals("POST") && isForm(exchange)) {
        publish(exchange, outbox);
      } else if (method.equals("GET") || method.equals("HEAD")) {
        views.handle(exchange, path);
      } else {
        Exchanges.sendProblem(
            exchange,
            404,
            "Not Found",
            "The outbox answers SES v2 SendEmail and SNS Publish only.");
      }
    } catch (RuntimeException e) {
      LOG.error("outbox failure", e);
      if (exchange.getResponseCode() < 0) {
        Exchanges.sendProblem(exchange, 500, "Internal Server Error", null);
      }
    } finally {
      exchange.close();
    }
  }

  private static void sendEmail(HttpExchange exchange, Outbox outbox) throws IOException {
    JsonNode request;
    try {
      request = Exchanges.JSON.readTree(Exchanges.readBody(exchange, MAX_BODY_BYTES));
    } catch (Exchanges.BodyTooLargeException e) {
      sesError(exchange, "MessageRejected", "The message is too large.");
      return;
    } catch (IOException e) {
      sesError(exchange, "BadRequestException", "The request body is not JSON.");
      return;
    }
    SesV2SendEmail.Email email;
    try {
      email = SesV2SendEmail.parse(request);
    } catch (SesV2SendEmail.BadRequest e) {
      sesError(exchange, "BadRequestException", e.getMessage());
      return;
    }
    OutboxMessage message =
        outbox.record(
            OutboxMessage.Channel.EMAIL,
            email.from(),
            email.to(),
            email.subject(),
            email.text(),
            email.html());
    ObjectNode response = Exchanges.JSON.createObjectNode().put("MessageId", message.id());
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    Exchanges.sendJson(exchange, 200, response);
  }

  /** REST-JSON errors: the SDK reads the code from {@code x-amzn-ErrorType}. */
  private static void sesError(HttpExchange exchange, String code, String message)
      throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    Exchanges.sendJson(exchange, 400, Exchanges.JSON.createObjectNode().put("message", message));
  }

  private static void publish(HttpExchange exchange, Outbox outbox) throws IOException {
    String requestId = UUID.randomUUID().toString();
    String body;
    try {
      body = new String(Exchanges.readBody(exchange, MAX_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (Exchanges.BodyTooLargeException e) {
      snsError(exchange, "InvalidParameter", "Invalid parameter: Message too long", requestId);
      return;
    }
    SnsPublish.Publish publish;
    try {
      publish = SnsPublish.parse(SnsPublish.parseForm(body));
    } catch (SnsPublish.Refused e) {
      snsError(exchange, e.code(), e.getMessage(), requestId);
      return;
    }
    OutboxMessage message =
        outbox.record(
            publish.channel(),
            null,
            List.of(publish.to()),
            publish.subject(),
            publish.message(),
            null);
    Exchanges.sendText(exchange, 200, "text/xml", SnsPublish.response(message.id(), requestId));
  }

  private static void snsError(HttpExchange exchange, String code, String message, String requestId)
      throws IOException {
    Exchanges.sendText(exchange, 400, "text/xml", SnsPublish.error(code, message, requestId));
  }

  private static boolean isForm(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }
}
