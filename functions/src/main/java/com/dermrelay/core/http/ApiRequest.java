package com.dermrelay.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.auth.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request after the access rules of its route passed: the event, the verified caller (absent on
 * public routes) and, on routes under {@code /clinics/{tenantId}}, the tenant context the data
 * layer requires. Only {@link RequestAuthorizer} builds one. The request's facts (headers, the
 * caller's name, the request time) are read here and nowhere else.
 */
public final class ApiRequest {
  private final APIGatewayV2HTTPEvent event;
  private final String requestId;
  private final Caller caller;
  private final TenantContext tenant;
  private final Instant requestTime;

  /** {@code clock} is the functions' injected clock, read only when API Gateway gave no time. */
  public ApiRequest(
      APIGatewayV2HTTPEvent event,
      String requestId,
      Caller caller,
      TenantContext tenant,
      Clock clock) {
    this(event, requestId, caller, tenant, requestTime(event, clock));
  }

  private ApiRequest(
      APIGatewayV2HTTPEvent event,
      String requestId,
      Caller caller,
      TenantContext tenant,
      Instant requestTime) {
    this.event = event;
    this.requestId = requestId;
    this.caller = caller;
    this.tenant = tenant;
    this.requestTime = requestTime;
  }

  /** The same request, for {@code tenantContext} (the access rules admitted it to that clinic). */
  public ApiRequest withTenant(TenantContext tenantContext) {
    return new ApiRequest(event, requestId, caller, tenantContext, requestTime);
  }

  public APIGatewayV2HTTPEvent event() {
    return event;
  }

  public String requestId() {
    return requestId;
  }

  /** The verified caller; a public route asking for one is a programming error. */
  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("a public route has no caller");
    }
    return caller;
  }

  public Optional<Caller> optionalCaller() {
    return Optional.ofNullable(caller);
  }

  /**
   * The name the caller goes by: the token's {@code name} claim, else their e-mail address
   * (accounts made before names were asked have none). Only for routes with a caller.
   */
  public String callerName() {
    Caller who = caller();
    var context = event.getRequestContext();
    Map<String, String> claims =
        context == null
                || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null
            ? null
            : context.getAuthorizer().getJwt().getClaims();
    String name = claims == null ? null : claims.get("name");
    return name != null ? name : who.email();
  }

  /**
   * When the request was made: API Gateway's request time, the same for every attempt at one
   * request, else (an event without one) the injected clock's reading, which in the local stack is
   * the interpreter's clock (docs/decisions/0015-one-clock-in-local-tests.md). Never the system
   * clock directly.
   */
  public Instant requestTime() {
    return requestTime;
  }

  /**
   * A request header by name, in any letter case: API Gateway's HTTP API (payload 2.0) lowercases
   * header names, a caller or test may not. Empty when absent; the value as sent otherwise.
   */
  public Optional<String> header(String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey() != null
          && header.getKey().equalsIgnoreCase(name)
          && header.getValue() != null) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }

  /** The acting tenant; only routes under /clinics/{tenantId} have one. */
  public TenantContext tenant() {
    if (tenant == null) {
      throw new IllegalStateException("route " + event.getRouteKey() + " is not tenant-scoped");
    }
    return tenant;
  }

  /** A path parameter the route declares; 404 when it is missing or blank. */
  public String pathParameter(String name) {
    Map<String, String> parameters = event.getPathParameters();
    String value = parameters == null ? null : parameters.get(name);
    if (value == null || value.isBlank()) {
      throw ApiProblem.notFound("No such resource.");
    }
    return value;
  }

  public Optional<String> queryParameter(String name) {
    Map<String, String> parameters = event.getQueryStringParameters();
    String value = parameters == null ? null : parameters.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static Instant requestTime(APIGatewayV2HTTPEvent event, Clock clock) {
    long epochMillis =
        event.getRequestContext() == null ? 0 : event.getRequestContext().getTimeEpoch();
    return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : clock.instant();
  }
}
