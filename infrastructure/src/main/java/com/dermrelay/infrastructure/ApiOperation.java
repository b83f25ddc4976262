package com.dermrelay.infrastructure;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One operation of the OpenAPI contract, as the HTTP API routes it.
 *
 * @param method upper-case HTTP method
 * @param path the OpenAPI path, e.g. {@code /cases/{caseId}} (HTTP API uses the same syntax)
 * @param operationId the operation's id, used to name its route construct
 * @param handler fully qualified handler class from {@code x-handler}
 * @param isPublic {@code security: []}: routed without the JWT authorizer
 */
public record ApiOperation(
    String method, String path, String operationId, String handler, boolean isPublic) {

  /** Every handler lives under this package; the next segment is its capability. */
  static final String HANDLER_ROOT = "com.dermrelay.";

  /** A capability names a stack ({@code -api-<capability>}): lower-case letters and digits. */
  private static final Pattern CAPABILITY = Pattern.compile("[a-z][a-z0-9]*");

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

  /**
   * The capability package of the handler: the segment after {@value #HANDLER_ROOT}, e.g. {@code
   * review} for {@code com.dermrelay.review.GetWorklistHandler} and {@code fhir} for {@code
   * com.dermrelay.fhir.api.GetCaseFhirBundleHandler}. The operation's function and route deploy in
   * that capability's stack ({@link ApiFunctionsStack}).
   */
  public String capability() {
    return capabilityOf(handler);
  }

  /**
   * The capability of a handler class; fails for a class outside {@value #HANDLER_ROOT} or directly
   * in it.
   */
  static String capabilityOf(String handlerClass) {
    String rest =
        handlerClass.startsWith(HANDLER_ROOT) ? handlerClass.substring(HANDLER_ROOT.length()) : "";
    int dot = rest.indexOf('.');
    String capability = dot < 0 ? "" : rest.substring(0, dot);
    if (!CAPABILITY.matcher(capability).matches()) {
      throw new IllegalStateException(
          "The handler "
              + handlerClass
              + " is not in a capability package "
              + HANDLER_ROOT
              + "<capability>. (lower-case letters and digits): its function's stack is named after it");
    }
    return capability;
  }
}
