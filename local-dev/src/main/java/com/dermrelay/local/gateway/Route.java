package com.dermrelay.local.gateway;

import java.util.List;
import java.util.Objects;

/**
 * One operation of the HTTP API: {@code METHOD /template} routed to a handler class.
 *
 * @param method upper-case HTTP method
 * @param pathTemplate the OpenAPI path, e.g. {@code /clinics/{tenantId}/cases/{caseId}}
 * @param operationId the OpenAPI operationId; also the local function name
 * @param handlerClass fully qualified name of the Lambda handler ({@code x-handler})
 * @param requiresJwt whether the JWT authorizer guards the route (effective security not empty)
 * @param scopes authorization scopes of the route; a token needs one of them (empty: none needed)
 */
public record Route(
    String method,
    String pathTemplate,
    String operationId,
    String handlerClass,
    boolean requiresJwt,
    List<String> scopes) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(handlerClass, "handlerClass");
    scopes = List.copyOf(scopes);
  }

  /** As API Gateway writes it, e.g. {@code GET /health}. */
  public String routeKey() {
    return method + " " + pathTemplate;
  }
}
