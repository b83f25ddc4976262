package com.dermrelay.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * Applies the access rules of a request's route (see core.access.AccessControl) before any handler
 * code runs; refuses with {@link ApiProblem} (401, 403 or 404).
 */
public interface RequestAuthorizer {
  ApiRequest authorize(APIGatewayV2HTTPEvent event, String requestId);
}
