package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key header as the contract allows it (IdempotencyKey in openapi.yaml). */
class IdempotencyKeyTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

  private static ApiRequest withHeaders(Map<String, String> headers) {
    return new ApiRequest(
        APIGatewayV2HTTPEvent.builder().withHeaders(headers).build(), "req-1", null, null, CLOCK);
  }

  private static ApiRequest withKey(String key) {
    return withHeaders(Map.of("idempotency-key", key));
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
    ApiRequest none = withHeaders(Map.of());
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
    for (String bad :
        new String[] {
          "short",
          "has space in it",
          "line\r\nbreak-123",
          "ünïcode-key-1",
          "semi;colon;key",
          "quote\"key\"12"
        }) {
      ApiProblem problem = refused(bad);
      assertEquals(400, problem.status(), bad);
      assertFalse(problem.detail().contains(bad), "the value is not quoted back");
    }
  }
}
