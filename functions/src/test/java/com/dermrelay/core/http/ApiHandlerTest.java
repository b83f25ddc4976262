package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.aws.AwsServiceException;
import com.dermrelay.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PathParameterFormats FORMATS = PathParameterFormats.fromClasspath(JSON);

  private static APIGatewayV2HTTPResponse run(RuntimeException thrown) {
    RequestAuthorizer allowAll =
        (event, requestId) -> new ApiRequest(event, requestId, null, null, Clock.systemUTC());
    ApiHandler handler =
        new ApiHandler(new ApiHandlerSupport(new ApiResponses(JSON), FORMATS, allowAll)) {
          @Override
          protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
            throw thrown;
          }
        };
    return handler.handleRequest(new APIGatewayV2HTTPEvent(), new TestContext("req-123"));
  }

  @Test
  void aRefusedRequestBecomesItsProblem() throws Exception {
    APIGatewayV2HTTPResponse response = run(ApiProblem.notFound("No such case."));
    assertEquals(404, response.getStatusCode());
    assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
    JsonNode body = JSON.readTree(response.getBody());
    assertEquals(ProblemTypes.NOT_FOUND, body.get("type").asText());
    assertEquals("No such case.", body.get("detail").asText());
    assertEquals("req-123", body.get("requestId").asText());
  }

  @Test
  void aRequestTheAccessRulesRefuseNeverReachesTheHandler() throws Exception {
    RequestAuthorizer refuseAll =
        (event, requestId) -> {
          throw new ApiProblem(403, "about:blank", "Forbidden", "Your role may not do this.");
        };
    boolean[] reached = {false};
    ApiHandler handler =
        new ApiHandler(new ApiHandlerSupport(new ApiResponses(JSON), FORMATS, refuseAll)) {
          @Override
          protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
            reached[0] = true;
            return responses().json(200, "ok");
          }
        };
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(new APIGatewayV2HTTPEvent(), new TestContext("req-9"));
    assertEquals(403, response.getStatusCode());
    assertFalse(reached[0]);
  }

  @Test
  void anUnexpectedFailureIs500WithNothingInternalInIt() throws Exception {
    APIGatewayV2HTTPResponse response =
        run(new IllegalStateException("table dermrelay-prod key TENANT#x#CASE#y"));
    assertEquals(500, response.getStatusCode());
    assertFalse(response.getBody().contains("dermrelay-prod"));
    assertFalse(response.getBody().contains("IllegalState"));
    assertEquals("no-store", response.getHeaders().get("Cache-Control"));
    assertEquals(ProblemTypes.INTERNAL, JSON.readTree(response.getBody()).get("type").asText());
  }

  @Test
  void aServiceThatThrottlesOrCannotBeReachedIs503WithRetryAfter() throws Exception {
    for (RuntimeException outage :
        new RuntimeException[] {
          new AwsServiceException("cognito-idp", 400, "TooManyRequestsException", "Rate exceeded"),
          new AwsServiceException("ses", 503, "ServiceUnavailable", ""),
          new UncheckedIOException(
              "call to cognito-idp failed", new ConnectException("Connection refused"))
        }) {
      APIGatewayV2HTTPResponse response = run(outage);
      assertEquals(503, response.getStatusCode(), outage.toString());
      assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
      assertTrue(Long.parseLong(response.getHeaders().get("Retry-After")) > 0);
      JsonNode body = JSON.readTree(response.getBody());
      assertEquals(ProblemTypes.SERVICE_UNAVAILABLE, body.get("type").asText());
      assertFalse(response.getBody().contains("cognito"), response.getBody());
    }
    // A refusal of the request itself is not an outage: retrying would not help.
    assertEquals(
        500,
        run(new AwsServiceException("cognito-idp", 400, "UserNotFoundException", "no user"))
            .getStatusCode());
  }
}
