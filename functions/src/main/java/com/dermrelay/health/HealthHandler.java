package com.dermrelay.health;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.dermrelay.core.http.ApiHandler;
import com.dermrelay.core.http.ApiRequest;
import com.dermrelay.core.wiring.Functions;
import com.dermrelay.core.wiring.FunctionsComponent;
import java.util.Map;

/** {@code GET /health} (operation getHealth): public, 200 when every service answers, else 503. */
public final class HealthHandler extends ApiHandler {
  private final CheckHealth checkHealth;

  public HealthHandler() {
    this(Functions.fromProcessEnvironment());
  }

  public HealthHandler(Map<String, String> environment) {
    this(Functions.forEnvironment(environment));
  }

  HealthHandler(FunctionsComponent component) {
    super(component.apiHandlerSupport());
    this.checkHealth = component.checkHealth();
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
    HealthReport report = checkHealth.run();
    return responses().json(report.healthy() ? 200 : 503, report);
  }
}
