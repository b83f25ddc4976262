package com.dermrelay.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * The AWS JSON protocol (1.0 and 1.1) as the emulators that speak it need it: {@code POST /} with
 * {@code X-Amz-Target: <Service>.<Operation>}, a JSON object body, and errors as {@code {"__type",
 * "message"}} with an {@code x-amzn-ErrorType} header, so the AWS SDKs raise their typed
 * exceptions.
 */
public final class AwsJsonProtocol {
  private final String contentType;
  private final String targetPrefix;
  private final int maxBodyBytes;
  private final String tooLargeErrorType;

  /**
   * @param targetPrefix e.g. {@code AWSStepFunctions.}
   * @param tooLargeErrorType the service's error type for an oversized request
   */
  public AwsJsonProtocol(
      String contentType, String targetPrefix, int maxBodyBytes, String tooLargeErrorType) {
    this.contentType = contentType;
    this.targetPrefix = targetPrefix;
    this.maxBodyBytes = maxBodyBytes;
    this.tooLargeErrorType = tooLargeErrorType;
  }

  /** A request refused by the protocol itself, before any operation ran. */
  public static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;

    public Refusal(int status, String type, String message) {
      super(message);
      this.status = status;
      this.type = type;
    }

    public int status() {
      return status;
    }

    public String type() {
      return type;
    }
  }

  /** The operation named by {@code X-Amz-Target}. */
  public String operation(HttpExchange exchange) throws Refusal {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target == null || !target.startsWith(targetPrefix)) {
      throw new Refusal(
          400, "UnknownOperationException", "X-Amz-Target must be " + targetPrefix + "<Operation>");
    }
    return target.substring(targetPrefix.length());
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  public ObjectNode readObject(HttpExchange exchange) throws IOException, Refusal {
    JsonNode request;
    try {
      byte[] body = Exchanges.readBody(exchange, maxBodyBytes);
      request =
          body.length == 0 ? Exchanges.JSON.createObjectNode() : Exchanges.JSON.readTree(body);
    } catch (Exchanges.BodyTooLargeException e) {
      throw new Refusal(
          413, tooLargeErrorType, "Request body is larger than " + maxBodyBytes + " bytes.");
    } catch (JsonProcessingException e) {
      throw new Refusal(400, "SerializationException", "Request body is not valid JSON.");
    }
    if (request == null || !request.isObject()) {
      throw new Refusal(400, "SerializationException", "Request body must be a JSON object.");
    }
    return (ObjectNode) request;
  }

  public void sendResult(HttpExchange exchange, ObjectNode result) throws IOException {
    Exchanges.sendJson(exchange, 200, contentType, result);
  }

  public void sendError(HttpExchange exchange, Refusal refusal) throws IOException {
    sendError(exchange, refusal.status(), refusal.type(), refusal.getMessage());
  }

  public void sendError(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    ObjectNode body = Exchanges.JSON.createObjectNode();
    body.put("__type", type);
    body.put("message", message);
    Exchanges.sendJson(exchange, status, contentType, body);
  }
}
