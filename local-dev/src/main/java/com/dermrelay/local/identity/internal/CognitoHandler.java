package com.dermrelay.local.identity.internal;

import com.dermrelay.local.http.AwsJsonProtocol;
import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.identity.IdentityException;
import com.dermrelay.local.identity.IdentityService;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cognito's HTTP face: {@code POST /} with {@code X-Amz-Target} (AWS JSON 1.1), CORS for the
 * browser calls, and the issuer's JWKS and OpenID discovery documents.
 */
public final class CognitoHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CognitoHandler.class);
  private static final AwsJsonProtocol PROTOCOL =
      new AwsJsonProtocol(
          "application/x-amz-json-1.1",
          "AWSCognitoIdentityProviderService.",
          64 * 1024,
          "InvalidParameterException");

  /** The brief's four, plus what the AWS SDK for JavaScript adds to every browser call. */
  private static final String ALLOWED_HEADERS =
      "content-type, x-amz-target, x-amz-user-agent, authorization, "
          + "amz-sdk-invocation-id, amz-sdk-request, cache-control, x-amz-date, x-amz-security-token";

  private final IdentityService service;
  private final CognitoOperations operations;
  private final Set<String> corsOrigins;

  public CognitoHandler(IdentityService service, Set<String> corsOrigins) {
    this.service = service;
    this.operations = new CognitoOperations(service);
    this.corsOrigins = Set.copyOf(corsOrigins);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      boolean originAllowed = cors(exchange);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if ("OPTIONS".equals(method)) {
        preflight(exchange, originAllowed);
      } else if ("POST".equals(method) && "/".equals(path)) {
        operation(exchange);
      } else if ("GET".equals(method) || "HEAD".equals(method)) {
        wellKnown(exchange, path);
      } else {
        Exchanges.sendProblem(exchange, 405, "Method Not Allowed", method + " " + path);
      }
    } catch (RuntimeException e) {
      // Our own fault: the caller gets Cognito's generic answer, the log gets the cause.
      LOG.error(
          "identity request {} {} failed",
          exchange.getRequestMethod(),
          exchange.getRequestURI().getPath(),
          e);
      sendError(exchange, 500, "InternalErrorException", "Internal error");
    }
  }

  /** Sets the CORS response headers; false when an Origin came that is not allowed. */
  private boolean cors(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin == null) {
      return true;
    }
    Headers headers = exchange.getResponseHeaders();
    if (corsOrigins.isEmpty()) {
      headers.set("Access-Control-Allow-Origin", "*");
    } else if (corsOrigins.contains(origin)) {
      headers.set("Access-Control-Allow-Origin", origin);
      headers.add("Vary", "Origin");
    } else {
      return false;
    }
    headers.set(
        "Access-Control-Expose-Headers",
        "x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date");
    return true;
  }

  private void preflight(HttpExchange exchange, boolean originAllowed) throws IOException {
    if (!originAllowed) {
      Exchanges.sendProblem(exchange, 403, "Forbidden", "origin not allowed");
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
    headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.set("Access-Control-Max-Age", "600");
    Exchanges.send(exchange, 204, null, new byte[0]);
  }

  private void operation(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    String operation;
    ObjectNode request;
    try {
      operation = PROTOCOL.operation(exchange);
      if (!operations.exists(operation)) {
        throw new AwsJsonProtocol.Refusal(
            400, "UnknownOperationException", "The local pool does not implement " + operation);
      }
      if (operations.needsSignature(operation) && !signed(exchange)) {
        throw new AwsJsonProtocol.Refusal(
            400, "MissingAuthenticationTokenException", "Missing Authentication Token");
      }
      request = PROTOCOL.readObject(exchange);
      if (operations.needsSignature(operation) && service.takeThrottledAdminCall()) {
        throw new AwsJsonProtocol.Refusal(
            400, IdentityException.TOO_MANY_REQUESTS, "Rate exceeded");
      }
    } catch (AwsJsonProtocol.Refusal refusal) {
      PROTOCOL.sendError(exchange, refusal);
      return;
    }
    try {
      PROTOCOL.sendResult(exchange, operations.call(operation, request));
    } catch (IdentityException e) {
      // The operation and error name only: messages never carry secrets, but bodies might.
      LOG.debug("identity {} refused: {}", operation, e.type());
      PROTOCOL.sendError(exchange, 400, e.type(), e.getMessage());
    }
  }

  /** Any SigV4 signature is accepted locally; its presence is what tells admin calls apart. */
  private static boolean signed(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    return authorization != null && authorization.startsWith("AWS4-HMAC-SHA256");
  }

  private void wellKnown(HttpExchange exchange, String path) throws IOException {
    String prefix = "/" + service.userPoolId() + "/.well-known/";
    if (path.equals(prefix + "jwks.json")) {
      exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
      Exchanges.sendJson(exchange, 200, service.publicJwks());
    } else if (path.equals(prefix + "openid-configuration")) {
      Exchanges.sendJson(exchange, 200, discovery());
    } else {
      Exchanges.sendProblem(exchange, 404, "Not Found", "no such document: " + path);
    }
  }

  private Map<String, Object> discovery() {
    return Map.of(
        "issuer", service.issuer(),
        "jwks_uri", service.jwksUrl(),
        "id_token_signing_alg_values_supported", List.of("RS256"),
        "subject_types_supported", List.of("public"),
        "response_types_supported", List.of("code", "token"),
        "scopes_supported", List.of("openid", "email", "phone", "profile"),
        "claims_supported",
            List.of("sub", "email", "email_verified", "cognito:username", "cognito:groups"));
  }

  private static void sendError(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    PROTOCOL.sendError(exchange, status, type, message);
  }
}
