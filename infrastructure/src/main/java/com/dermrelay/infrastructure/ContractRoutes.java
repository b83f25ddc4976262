package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteAuthorizerBindOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteAuthorizerConfig;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.constructs.Construct;

/**
 * Routes of the {@link ContractHttpApi} for some of the contract's operations, beside their
 * functions: one route per operation ({@code METHOD path}) to the {@code live} alias of its
 * handler's function, with the integration and the permission that lets API Gateway invoke it. An
 * operation with {@code security: []} has no authorizer; every other one uses the API's Cognito
 * authorizer. The API and the authorizer are referred to by id, so this stack depends on the API's.
 */
public final class ContractRoutes extends Construct {

  private final Map<String, HttpRoute> routes = new LinkedHashMap<>();

  /**
   * @param functions must hold a function for the handler of each of {@code operations}
   */
  public ContractRoutes(
      Construct scope,
      String id,
      ContractHttpApi api,
      List<ApiOperation> operations,
      Functions functions) {
    super(scope, id);
    IHttpRouteAuthorizer jwt = byId(api.authorizer().getAuthorizerId());
    Map<String, HttpLambdaIntegration> integrations = new LinkedHashMap<>();
    for (ApiOperation operation : operations) {
      Functions.DeployedFunction target = functions.forHandler(operation.handler());
      HttpLambdaIntegration integration =
          integrations.computeIfAbsent(
              operation.handler(),
              handler -> new HttpLambdaIntegration(Functions.simpleName(handler), target.alias()));
      HttpRoute route =
          HttpRoute.Builder.create(this, "Route-" + operation.operationId())
              .httpApi(api.api())
              .routeKey(HttpRouteKey.with(operation.path(), HttpMethod.valueOf(operation.method())))
              .integration(integration)
              .authorizer(operation.isPublic() ? new HttpNoneAuthorizer() : jwt)
              .build();
      if (operation.isPublic()) {
        NagSuppression.suppress(
            route,
            "AwsSolutions-APIG4",
            "Public by contract (security: [] in api-spec/openapi.yaml): "
                + operation.routeKey()
                + " answers without an account; stage throttling bounds it");
      }
      if (routes.put(operation.routeKey(), route) != null) {
        throw new IllegalStateException("The contract routes " + operation.routeKey() + " twice");
      }
    }
  }

  /** The routes by route key ({@code GET /health}). */
  public Map<String, HttpRoute> routes() {
    return Map.copyOf(routes);
  }

  /**
   * The API's JWT authorizer as a route authorizer, by its id. CDK's own authorizer classes create
   * the authorizer on the first route they bind to, which here would put it in this stack.
   */
  private static IHttpRouteAuthorizer byId(String authorizerId) {
    return new IHttpRouteAuthorizer() {
      @Override
      public HttpRouteAuthorizerConfig bind(HttpRouteAuthorizerBindOptions options) {
        return HttpRouteAuthorizerConfig.builder()
            .authorizerId(authorizerId)
            .authorizationType("JWT")
            .build();
      }
    };
  }
}
