package com.dermrelay.infrastructure;

import java.util.Objects;

/**
 * One operation of the OpenAPI contract, as the HTTP API routes it.
 *
 * @param method      upper-case HTTP method
 * @param path        the OpenAPI path, e.g. {@code /cases/{caseId}} (HTTP API uses the same syntax)
 * @param operationId the operation's id, used to name its route construct
 * @param handler     fully qualified handler class from {@code x-handler}
 * @param isPublic    {@code security: []}: routed without the JWT authorizer
 */
public record ApiOperation(String method, String path, String operationId, String handler, boolean isPublic) {

  public ApiOperation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(handler, "handler");
  }

  /** The HTTP API route key, e.g. {@code GET /health}. */
  public String routeKey() {
    return method + " " + path;
  }
}
