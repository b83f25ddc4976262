package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.SecurityPolicy;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API, routed from the OpenAPI contract: one route per operation ({@code METHOD path}) to
 * the alias of its handler's function. An operation with {@code security: []} has no authorizer;
 * every other one needs a Cognito ID token of the portal client (JWT authorizer: issuer the pool,
 * audience the client). CORS admits the portal origins; the default stage throttles every route and
 * writes access logs that name the route, never the concrete path, query string or body.
 */
public final class ContractHttpApi extends Construct {

  static final int RATE_LIMIT = 100;
  static final int BURST_LIMIT = 200;
  static final List<String> CORS_HEADERS = List.of("authorization", "content-type", "idempotency-key");

  /**
   * JSON access log fields. Deliberately absent: {@code $context.path} (holds path parameter values),
   * query strings, bodies, headers other than the user agent, and error texts from the integration.
   */
  static final Map<String, String> ACCESS_LOG_FIELDS = accessLogFields();

  private final HttpApi api;
  private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
  private final LogGroup accessLogs;

  public ContractHttpApi(Construct scope, String id, StageConfig config, ApiSpec spec, Functions functions,
      UserPool userPool, IUserPoolClient portalClient, IKey logKey) {
    super(scope, id);
    this.api = HttpApi.Builder.create(this, "Api")
        .apiName(config.resourcePrefix() + "-api")
        .description("DermRelay " + config.stage() + " HTTP API, routed from api-spec/openapi.yaml")
        .createDefaultStage(false)
        // With its own domain, the API is reachable only through it (and CloudFront in front of it).
        .disableExecuteApiEndpoint(config.domains().api().isPresent())
        .corsPreflight(CorsPreflightOptions.builder()
            .allowOrigins(config.portalOrigins())
            .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT,
                CorsHttpMethod.PATCH, CorsHttpMethod.DELETE))
            .allowHeaders(CORS_HEADERS)
            .exposeHeaders(List.of("location", "etag"))
            .allowCredentials(false)
            .maxAge(Duration.hours(1))
            .build())
        .build();

    HttpJwtAuthorizer jwt = HttpJwtAuthorizer.Builder.create("CognitoIdToken", userPool.getUserPoolProviderUrl())
        .authorizerName("cognito-id-token")
        .jwtAudience(List.of(portalClient.getUserPoolClientId()))
        .identitySource(List.of("$request.header.Authorization"))
        .build();

    Map<String, HttpLambdaIntegration> integrations = new LinkedHashMap<>();
    for (ApiOperation operation : spec.operations()) {
      Functions.DeployedFunction target = functions.forHandler(operation.handler());
      HttpLambdaIntegration integration = integrations.computeIfAbsent(operation.handler(),
          handler -> new HttpLambdaIntegration(Functions.simpleName(handler), target.alias()));
      HttpRoute route = HttpRoute.Builder.create(this, "Route-" + operation.operationId())
          .httpApi(api)
          .routeKey(HttpRouteKey.with(operation.path(), HttpMethod.valueOf(operation.method())))
          .integration(integration)
          .authorizer(operation.isPublic() ? new HttpNoneAuthorizer() : jwt)
          .build();
      if (operation.isPublic()) {
        NagSuppression.suppress(route, "AwsSolutions-APIG4",
            "Public by contract (security: [] in api-spec/openapi.yaml): " + operation.routeKey()
                + " answers without an account; stage throttling bounds it");
      }
      routes.put(operation.routeKey(), route);
    }

    this.accessLogs = LogGroup.Builder.create(this, "AccessLogs")
        .retention(Functions.LOG_RETENTION)
        .encryptionKey(logKey)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    HttpStage stage = HttpStage.Builder.create(this, "DefaultStage")
        .httpApi(api)
        .stageName("$default")
        .autoDeploy(true)
        .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
        .accessLogSettings(new IAccessLogSettings() {
          @Override
          public LogGroupLogDestination getDestination() {
            return new LogGroupLogDestination(accessLogs);
          }

          @Override
          public AccessLogFormat getFormat() {
            return AccessLogFormat.custom(accessLogFormat());
          }
        })
        .build();
    config.domains().api().ifPresent(domain -> {
      DomainName name = DomainName.Builder.create(this, "Domain")
          .domainName(domain.name())
          .certificate(Certificate.fromCertificateArn(this, "Certificate", domain.certificateArn()))
          .securityPolicy(SecurityPolicy.TLS_1_2)
          .build();
      ApiMapping.Builder.create(this, "DomainMapping").api(api).domainName(name).stage(stage).build();
    });
  }

  public HttpApi api() {
    return api;
  }

  /** The routes by route key ({@code GET /health}). */
  public Map<String, HttpRoute> routes() {
    return Map.copyOf(routes);
  }

  public LogGroup accessLogs() {
    return accessLogs;
  }

  /** Every value quoted: API Gateway writes {@code -} for a missing value, which is no JSON number. */
  static String accessLogFormat() {
    StringBuilder json = new StringBuilder("{");
    ACCESS_LOG_FIELDS.forEach((name, variable) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(name).append("\":\"").append(variable).append('"');
    });
    return json.append('}').toString();
  }

  private static Map<String, String> accessLogFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("requestId", "$context.requestId");
    fields.put("requestTimeEpoch", "$context.requestTimeEpoch");
    fields.put("routeKey", "$context.routeKey");
    fields.put("status", "$context.status");
    fields.put("protocol", "$context.protocol");
    fields.put("responseLength", "$context.responseLength");
    fields.put("responseLatency", "$context.responseLatency");
    fields.put("integrationLatency", "$context.integrationLatency");
    fields.put("sourceIp", "$context.identity.sourceIp");
    fields.put("userAgent", "$context.identity.userAgent");
    fields.put("authorizerError", "$context.authorizer.error");
    return fields;
  }
}
