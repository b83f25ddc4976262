package com.dermrelay.operator;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /platform/clinics} (listClinicsForOperator): platform operators. */
public final class ListClinicsForOperatorHandler extends ApiHandler {
  private final ListClinicsForOperator useCase;

  public ListClinicsForOperatorHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListClinicsForOperatorHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListClinicsForOperatorHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.listClinicsForOperator();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    ListClinicsForOperator.Query query =
        new ListClinicsForOperator.Query(
            request.queryParameter("limit"), request.queryParameter("cursor"));
    return responses()
        .json(
            200,
            useCase.run(
                request.caller(),
                request.callerName(),
                request.requestId(),
                request.requestTime(),
                query));
  }
}
