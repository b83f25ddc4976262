package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled formats, as the functions load them, in front of a handler: a path parameter that is
 * not of the contract's form answers 404 before the access rules (which read the tenant and the
 * membership) or the handler run.
 */
class PathParameterFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PathParameterFormats FORMATS = PathParameterFormats.fromClasspath(JSON);
  private static final String REMOVE_MEMBER = "DELETE /clinics/{tenantId}/members/{memberSub}";
  private static final String RESEND =
      "POST /clinics/{tenantId}/cases/{caseId}/ehr/deliveries/{round}/send";
  private static final String SUB = "0b6a3f4e-8c1d-4e2f-9a7b-5c6d7e8f9a0b";
  private static final String CASE = "5f0c9a7e-1b2d-4c3e-8f9a-0b1c2d3e4f5a";

  private boolean authorizerReached;

  private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> pathParameters) {
    RequestAuthorizer authorizer =
        (event, requestId) -> {
          authorizerReached = true;
          return new ApiRequest(event, requestId, null, null, Clock.systemUTC());
        };
    ApiHandler handler =
        new ApiHandler(new ApiHandlerSupport(new ApiResponses(JSON), FORMATS, authorizer)) {
          @Override
          protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
            return responses().json(200, Map.of("ok", true));
          }
        };
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(routeKey);
    event.setPathParameters(pathParameters);
    return handler.handleRequest(event, new TestContext("req-1"));
  }

  @Test
  void aWellFormedRequestGoesOnToTheAccessRules() {
    assertEquals(
        200,
        call(REMOVE_MEMBER, Map.of("tenantId", "northside-skin", "memberSub", SUB))
            .getStatusCode());
    assertTrue(authorizerReached);
  }

  @Test
  void anOverLongIdIs404BeforeAnythingReadsAStore() throws Exception {
    APIGatewayV2HTTPResponse response =
        call(REMOVE_MEMBER, Map.of("tenantId", "northside-skin", "memberSub", "a".repeat(1_500)));
    assertEquals(404, response.getStatusCode());
    assertFalse(authorizerReached, "the access rules ran");
    JsonNode problem = JSON.readTree(response.getBody());
    assertEquals(ProblemTypes.NOT_FOUND, problem.get("type").asText());
    assertTrue(problem.get("detail").asText().contains("'memberSub'"), problem.toString());
    assertFalse(response.getBody().contains("aaaa"), "the value is not quoted back");
  }

  @Test
  void aKeySeparatorOrAnUpperCaseIdIsRefused() {
    assertEquals(
        404,
        call(REMOVE_MEMBER, Map.of("tenantId", "northside-skin", "memberSub", SUB + "#x"))
            .getStatusCode());
    assertEquals(
        404,
        call(REMOVE_MEMBER, Map.of("tenantId", "northside-skin", "memberSub", SUB.toUpperCase()))
            .getStatusCode());
    assertEquals(
        404,
        call(REMOVE_MEMBER, Map.of("tenantId", "Northside", "memberSub", SUB)).getStatusCode());
    assertFalse(authorizerReached);
  }

  @Test
  void aMissingParameterIsRefused() {
    Map<String, String> onlyTheClinic = new HashMap<>(Map.of("tenantId", "northside-skin"));
    assertEquals(404, call(REMOVE_MEMBER, onlyTheClinic).getStatusCode());
    assertEquals(404, call(REMOVE_MEMBER, null).getStatusCode());
    assertFalse(authorizerReached);
  }

  @Test
  void anIntegerParameterMustBeAWholeNumberInItsRange() {
    for (String round :
        new String[] {"0", "1000", "01", "-1", "+1", "1.0", "1e2", "9".repeat(40)}) {
      assertEquals(
          404,
          call(RESEND, Map.of("tenantId", "northside-skin", "caseId", CASE, "round", round))
              .getStatusCode(),
          round);
    }
    assertFalse(authorizerReached);
    assertEquals(
        200,
        call(RESEND, Map.of("tenantId", "northside-skin", "caseId", CASE, "round", "999"))
            .getStatusCode());
  }
}
