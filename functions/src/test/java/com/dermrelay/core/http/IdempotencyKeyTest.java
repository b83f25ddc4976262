package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key header as the contract allows it (IdempotencyKey in openapi.yaml). */
class IdempotencyKeyTest {
  private static APIGatewayV2HTTPEvent withKey(String key) {
    return APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("idempotency-key", key)).build();
  }

  private static ApiProblem refused(String key) {
    return assertThrows(ApiProblem.class, () -> IdempotencyKey.optional(withKey(key)));
  }

  @Test
  void aUuidAndTheLongestKeyTheContractAllowsAreTakenAsSent() {
    String uuid = "9b2f4f0e-6c1a-4d8e-a1a3-2f7d0d8c5b11";
    assertEquals(Optional.of(uuid), IdempotencyKey.optional(withKey(uuid)));
    String longest = "k".repeat(IdempotencyKey.MAX_LENGTH);
    assertEquals(Optional.of(longest), IdempotencyKey.optional(withKey(longest)));
  }

  @Test
  void anAbsentKeyIsEmptyWhenOptionalAndRefusedWhenRequired() {
    APIGatewayV2HTTPEvent none = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of()).build();
    assertEquals(Optional.empty(), IdempotencyKey.optional(none));
    ApiProblem missing = assertThrows(ApiProblem.class, () -> IdempotencyKey.required(none));
    assertEquals(400, missing.status());
    assertTrue(missing.detail().contains("'Idempotency-Key'"), missing.detail());
  }

  @Test
  void aKeyOverTheContractsMaximumIsRefusedNamingTheHeader() {
    ApiProblem problem = refused("k".repeat(5_000));
    assertEquals(400, problem.status());
    assertEquals(ProblemTypes.INVALID_REQUEST, problem.type());
    assertTrue(problem.detail().contains("'Idempotency-Key'"), problem.detail());
    assertTrue(problem.detail().length() < 200, "the value is not quoted back");
    refused("k".repeat(IdempotencyKey.MAX_LENGTH + 1));
  }

  @Test
  void malformedKeysAreRefused() {
    for (String bad : new String[] {"short", "has space in it", "line\r\nbreak-123", "ünïcode-key-1",
        "semi;colon;key", "quote\"key\"12"}) {
      ApiProblem problem = refused(bad);
      assertEquals(400, problem.status(), bad);
      assertFalse(problem.detail().contains(bad), "the value is not quoted back");
    }
  }
}
