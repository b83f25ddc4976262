package com.dermrelay.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.access.TestTenantContexts;
import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.auth.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The request facts every handler reads from {@link ApiRequest} alone: headers in any letter case
 * (API Gateway lowercases them), the caller's name as the portals show it, and the request time,
 * which falls back to the injected clock (the local stack's test clock, decision 0015), never to
 * the system clock.
 */
class ApiRequestTest {
  private static final Instant CLOCK_TIME = Instant.parse("2026-11-27T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(CLOCK_TIME, ZoneOffset.UTC);
  private static final Caller DERMATOLOGIST =
      new Caller(
          "sub-1", "dr.chen@dermrelay.example", List.of(Role.DERMATOLOGIST), Optional.empty());

  private static APIGatewayV2HTTPEvent event(
      Map<String, String> headers, long timeEpoch, Map<String, String> claims) {
    RequestContext context = new RequestContext();
    context.setTimeEpoch(timeEpoch);
    RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
    jwt.setClaims(claims);
    RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    context.setAuthorizer(authorizer);
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setHeaders(headers);
    event.setRequestContext(context);
    return event;
  }

  @Test
  void aHeaderIsFoundWhateverTheLetterCaseOfEitherSide() {
    ApiRequest request =
        new ApiRequest(
            event(
                Map.of("idempotency-key", "key-12345", "Content-Type", "application/json"),
                0,
                Map.of()),
            "req-1",
            DERMATOLOGIST,
            null,
            CLOCK);
    assertEquals(Optional.of("key-12345"), request.header("Idempotency-Key"));
    assertEquals(Optional.of("application/json"), request.header("content-type"));
    assertEquals(Optional.empty(), request.header("authorization"));
    assertEquals(
        Optional.empty(),
        new ApiRequest(new APIGatewayV2HTTPEvent(), "req-2", null, null, CLOCK)
            .header("content-type"),
        "an event without headers has none");
  }

  @Test
  void theCallerGoesByTheTokensNameAndByTheirEmailWhenTheTokenHasNone() {
    ApiRequest named =
        new ApiRequest(
            event(Map.of(), 0, Map.of("name", "Dr Mei Chen")), "req-1", DERMATOLOGIST, null, CLOCK);
    assertEquals("Dr Mei Chen", named.callerName());
    ApiRequest unnamed =
        new ApiRequest(event(Map.of(), 0, new HashMap<>()), "req-2", DERMATOLOGIST, null, CLOCK);
    assertEquals("dr.chen@dermrelay.example", unnamed.callerName());
    ApiRequest anonymous = new ApiRequest(event(Map.of(), 0, Map.of()), "req-3", null, null, CLOCK);
    assertThrows(
        IllegalStateException.class, anonymous::callerName, "a public route has no caller to name");
  }

  @Test
  void theRequestTimeIsApiGatewaysAndTheInjectedClocksWhenTheEventHasNone() {
    Instant sent = Instant.parse("2026-12-01T10:15:30.123Z");
    assertEquals(
        sent,
        new ApiRequest(
                event(Map.of(), sent.toEpochMilli(), Map.of()), "req-1", DERMATOLOGIST, null, CLOCK)
            .requestTime());
    assertEquals(
        CLOCK_TIME,
        new ApiRequest(event(Map.of(), 0, Map.of()), "req-2", DERMATOLOGIST, null, CLOCK)
            .requestTime());
    assertEquals(
        CLOCK_TIME,
        new ApiRequest(new APIGatewayV2HTTPEvent(), "req-3", null, null, CLOCK).requestTime(),
        "an event without a request context");
  }

  @Test
  void aRequestAdmittedToAClinicKeepsItsFactsAndGainsTheTenant() {
    Instant sent = Instant.parse("2026-12-01T10:15:30Z");
    ApiRequest request =
        new ApiRequest(
            event(
                Map.of("content-type", "application/json"),
                sent.toEpochMilli(),
                Map.of("name", "Dr Mei Chen")),
            "req-1",
            DERMATOLOGIST,
            null,
            CLOCK);
    TenantContext tenant = TestTenantContexts.patient("northside-skin", "sub-1");
    ApiRequest admitted = request.withTenant(tenant);
    assertSame(tenant, admitted.tenant());
    assertEquals(sent, admitted.requestTime());
    assertEquals("Dr Mei Chen", admitted.callerName());
    assertEquals("req-1", admitted.requestId());
    assertEquals(Optional.of("application/json"), admitted.header("Content-Type"));
    assertThrows(
        IllegalStateException.class, request::tenant, "the request before admission has no tenant");
  }
}
