package com.dermrelay.core.http;

import javax.inject.Inject;

/**
 * What every API handler needs from the container: responses, the path parameters' formats and the
 * access rules.
 */
public final class ApiHandlerSupport {
  private final ApiResponses responses;
  private final PathParameterFormats pathFormats;
  private final RequestAuthorizer authorizer;

  @Inject
  public ApiHandlerSupport(
      ApiResponses responses, PathParameterFormats pathFormats, RequestAuthorizer authorizer) {
    this.responses = responses;
    this.pathFormats = pathFormats;
    this.authorizer = authorizer;
  }

  public ApiResponses responses() {
    return responses;
  }

  PathParameterFormats pathFormats() {
    return pathFormats;
  }

  RequestAuthorizer authorizer() {
    return authorizer;
  }
}
