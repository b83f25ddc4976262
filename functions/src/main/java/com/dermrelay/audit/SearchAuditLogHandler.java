package com.dermrelay.audit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/**
 * {@code GET /clinics/{tenantId}/audit-log} (searchAuditLog): clinic admins, platform operators.
 */
public final class SearchAuditLogHandler extends ApiHandler {
  private final SearchAuditLog searchAuditLog;

  public SearchAuditLogHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public SearchAuditLogHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  SearchAuditLogHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.searchAuditLog = component.searchAuditLog();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    AuditLogSearch search = AuditLogSearch.fromQuery(request::queryParameter);
    return responses().json(200, searchAuditLog.run(request.tenant(), search));
  }
}
