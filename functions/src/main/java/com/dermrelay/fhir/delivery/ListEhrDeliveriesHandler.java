package com.dermrelay.fhir.delivery;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /clinics/{tenantId}/ehr/deliveries} (listEhrDeliveries): clinic admins. */
public final class ListEhrDeliveriesHandler extends ApiHandler {
  private final ListEhrDeliveries useCase;

  public ListEhrDeliveriesHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public ListEhrDeliveriesHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  ListEhrDeliveriesHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.useCase = component.ehrDelivery().list;
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    return responses()
        .json(
            200,
            useCase.run(
                request.tenant(),
                request.queryParameter("status"),
                request.queryParameter("limit"),
                request.queryParameter("cursor")));
  }
}
