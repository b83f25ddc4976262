package com.dermrelay.audit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/me/access-log} (getMyAccessLog): a patient. */
public final class GetMyAccessLogHandler extends ApiHandler {
  private final GetMyAccessLog getMyAccessLog;

  public GetMyAccessLogHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public GetMyAccessLogHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  GetMyAccessLogHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.getMyAccessLog = component.getMyAccessLog();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    int limit = AuditLogSearch.limit(request::queryParameter);
    return responses()
        .json(200, getMyAccessLog.run(request.tenant(), limit, request.queryParameter("cursor")));
  }
}
