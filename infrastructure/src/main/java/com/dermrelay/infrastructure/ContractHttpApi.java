package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpAuthorizerType;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.SecurityPolicy;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API of the contract: the API itself, its Cognito JWT authorizer (issuer the pool,
 * audience the portal client), CORS for the portal origins and the default stage, which throttles
 * every route and writes access logs that name the route, never the concrete path, query string or
 * body. The routes are not here: each capability's stack adds those of its operations ({@link
 * ContractRoutes}, {@link ApiFunctionsStack}), and the auto-deploying stage serves them as they
 * land.
 */
public final class ContractHttpApi extends Construct {

  static final int RATE_LIMIT = 100;
  static final int BURST_LIMIT = 200;
  static final List<String> CORS_HEADERS =
      List.of("authorization", "content-type", "idempotency-key");

  /**
   * JSON access log fields. Deliberately absent: {@code $context.path} (holds path parameter
   * values), query strings, bodies, headers other than the user agent, and error texts from the
   * integration.
   */
  static final Map<String, String> ACCESS_LOG_FIELDS = accessLogFields();

  /**
   * The authorizer's construct id; as the id CDK's HttpJwtAuthorizer used, it keeps its logical id.
   */
  static final String AUTHORIZER_ID = "CognitoIdToken";

  private final HttpApi api;
  private final HttpAuthorizer authorizer;
  private final LogGroup accessLogs;

  public ContractHttpApi(
      Construct scope,
      String id,
      StageConfig config,
      UserPool userPool,
      IUserPoolClient portalClient,
      IKey logKey) {
    super(scope, id);
    this.api =
        HttpApi.Builder.create(this, "Api")
            .apiName(config.resourcePrefix() + "-api")
            .description(
                "DermRelay " + config.stage() + " HTTP API, routed from api-spec/openapi.yaml")
            .createDefaultStage(false)
            // With its own domain, the API is reachable only through it (and CloudFront in front of
            // it).
            .disableExecuteApiEndpoint(config.domains().api().isPresent())
            .corsPreflight(
                CorsPreflightOptions.builder()
                    .allowOrigins(config.portalOrigins())
                    .allowMethods(
                        List.of(
                            CorsHttpMethod.GET,
                            CorsHttpMethod.POST,
                            CorsHttpMethod.PUT,
                            CorsHttpMethod.PATCH,
                            CorsHttpMethod.DELETE))
                    .allowHeaders(CORS_HEADERS)
                    .exposeHeaders(List.of("location", "etag"))
                    .allowCredentials(false)
                    .maxAge(Duration.hours(1))
                    .build())
            .build();

    // Created here, not by CDK's HttpJwtAuthorizer on its first route: the routes live in other
    // stacks.
    this.authorizer =
        HttpAuthorizer.Builder.create(api, AUTHORIZER_ID)
            .httpApi(api)
            .type(HttpAuthorizerType.JWT)
            .authorizerName("cognito-id-token")
            .identitySource(List.of("$request.header.Authorization"))
            .jwtIssuer(userPool.getUserPoolProviderUrl())
            .jwtAudience(List.of(portalClient.getUserPoolClientId()))
            .build();

    this.accessLogs =
        LogGroup.Builder.create(this, "AccessLogs")
            .retention(Functions.LOG_RETENTION)
            .encryptionKey(logKey)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    HttpStage stage =
        HttpStage.Builder.create(this, "DefaultStage")
            .httpApi(api)
            .stageName("$default")
            .autoDeploy(true)
            .throttle(
                ThrottleSettings.builder().rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
            .accessLogSettings(
                new IAccessLogSettings() {
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
    config
        .domains()
        .api()
        .ifPresent(
            domain -> {
              DomainName name =
                  DomainName.Builder.create(this, "Domain")
                      .domainName(domain.name())
                      .certificate(
                          Certificate.fromCertificateArn(
                              this, "Certificate", domain.certificateArn()))
                      .securityPolicy(SecurityPolicy.TLS_1_2)
                      .build();
              ApiMapping.Builder.create(this, "DomainMapping")
                  .api(api)
                  .domainName(name)
                  .stage(stage)
                  .build();
            });
  }

  public HttpApi api() {
    return api;
  }

  /** The Cognito ID token authorizer every non-public route uses. */
  public HttpAuthorizer authorizer() {
    return authorizer;
  }

  public LogGroup accessLogs() {
    return accessLogs;
  }

  /**
   * Every value quoted: API Gateway writes {@code -} for a missing value, which is no JSON number.
   */
  static String accessLogFormat() {
    StringBuilder json = new StringBuilder("{");
    ACCESS_LOG_FIELDS.forEach(
        (name, variable) -> {
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
