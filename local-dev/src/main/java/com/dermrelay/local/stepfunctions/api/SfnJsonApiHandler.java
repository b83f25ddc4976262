package com.dermrelay.local.stepfunctions.api;

import com.dermrelay.local.http.AwsJsonProtocol;
import com.dermrelay.local.stepfunctions.StepFunctionsException;
import com.dermrelay.local.stepfunctions.StepFunctionsService;
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
  private final AwsJsonProtocol protocol =
      new AwsJsonProtocol(
          CONTENT_TYPE, "AWSStepFunctions.", 2 * 1024 * 1024, "ValidationException");

  private final SfnOperations operations;

  public SfnJsonApiHandler(StepFunctionsService service) {
    this.operations = new SfnOperations(service);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        protocol.sendError(exchange, 400, "UnknownOperationException", "Only POST / is served");
        return;
      }
      String operation = protocol.operation(exchange);
      ObjectNode response = operations.dispatch(operation, protocol.readObject(exchange));
      protocol.sendResult(exchange, response);
    } catch (AwsJsonProtocol.Refusal refusal) {
      protocol.sendError(exchange, refusal);
    } catch (StepFunctionsException e) {
      protocol.sendError(exchange, 400, e.errorCode(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Step Functions request failed", e);
      protocol.sendError(
          exchange,
          500,
          "InternalFailure",
          "The local Step Functions emulator failed; see its log");
    }
  }
}
