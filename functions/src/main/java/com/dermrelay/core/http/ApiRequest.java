package com.dermrelay.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.auth.Caller;
import java.util.Map;
import java.util.Optional;

/**
 * One request after the access rules of its route passed: the event, the verified caller (absent
 * on public routes) and, on routes under {@code /clinics/{tenantId}}, the tenant context the data
 * layer requires. Only {@link RequestAuthorizer} builds one.
 */
public final class ApiRequest {
  private final APIGatewayV2HTTPEvent event;
  private final String requestId;
  private final Caller caller;
  private final TenantContext tenant;

  public ApiRequest(APIGatewayV2HTTPEvent event, String requestId, Caller caller, TenantContext tenant) {
    this.event = event;
    this.requestId = requestId;
    this.caller = caller;
    this.tenant = tenant;
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
}
