package com.dermrelay.local.stepfunctions.api;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.StepFunctionsException;
import com.dermrelay.local.stepfunctions.StepFunctionsService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS JSON 1.0 protocol: {@code POST /} with {@code X-Amz-Target: AWSStepFunctions.<Op>};
 * errors are HTTP 400 with {@code {"__type": code, "message": ...}} so the SDK raises its typed
 * exceptions. SigV4 signatures are accepted without checking.
 */
public final class SfnJsonApiHandler implements HttpHandler {
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final Logger LOG = LoggerFactory.getLogger(SfnJsonApiHandler.class);
  private static final String TARGET_PREFIX = "AWSStepFunctions.";
  private static final int MAX_BODY = 2 * 1024 * 1024;

  private final SfnOperations operations;

  public SfnJsonApiHandler(StepFunctionsService service) {
    this.operations = new SfnOperations(service);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        sendError(exchange, 400, "UnknownOperationException", "Only POST / is served");
        return;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target == null || !target.startsWith(TARGET_PREFIX)) {
        sendError(exchange, 400, "UnknownOperationException", "Missing or foreign X-Amz-Target: " + target);
        return;
      }
      JsonNode request;
      try {
        byte[] body = Exchanges.readBody(exchange, MAX_BODY);
        request = body.length == 0 ? Exchanges.JSON.createObjectNode() : Exchanges.JSON.readTree(body);
      } catch (Exchanges.BodyTooLargeException e) {
        sendError(exchange, 413, "ValidationException", e.getMessage());
        return;
      } catch (JsonProcessingException e) {
        sendError(exchange, 400, "SerializationException", "Malformed JSON request body");
        return;
      }
      if (request == null || !request.isObject()) {
        sendError(exchange, 400, "SerializationException", "The request body must be a JSON object");
        return;
      }
      ObjectNode response = operations.dispatch(target.substring(TARGET_PREFIX.length()), (ObjectNode) request);
      Exchanges.sendJson(exchange, 200, CONTENT_TYPE, response);
    } catch (StepFunctionsException e) {
      sendError(exchange, 400, e.errorCode(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Step Functions request failed", e);
      sendError(exchange, 500, "InternalFailure", "The local Step Functions emulator failed; see its log");
    }
  }

  private static void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
    ObjectNode body = Exchanges.JSON.createObjectNode();
    body.put("__type", type);
    body.put("message", message);
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    Exchanges.sendJson(exchange, status, CONTENT_TYPE, body);
  }
}
