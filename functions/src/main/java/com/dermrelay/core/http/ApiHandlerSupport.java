package com.dermrelay.core.http;

import javax.inject.Inject;

/** What every API handler needs from the container: responses and the access rules. */
public final class ApiHandlerSupport {
  private final ApiResponses responses;
  private final RequestAuthorizer authorizer;

  @Inject
  public ApiHandlerSupport(ApiResponses responses, RequestAuthorizer authorizer) {
    this.responses = responses;
    this.authorizer = authorizer;
  }

  public ApiResponses responses() {
    return responses;
  }

  RequestAuthorizer authorizer() {
    return authorizer;
  }
}
