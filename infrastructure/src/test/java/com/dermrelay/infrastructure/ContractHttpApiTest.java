package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;

class ContractHttpApiTest {

  private static final String ROUTE = "AWS::ApiGatewayV2::Route";

  private final SynthesizedStage dev = SynthesizedStage.dev();
  private final ApiSpec spec = ApiSpec.load(SourcePaths.locate().openApiSpec());

  @Test
  void everyOperationOfTheContractHasExactlyOneRoute() {
    Set<String> routeKeys = dev.api.findResources(ROUTE).values().stream()
        .map(r -> String.valueOf(((Map<?, ?>) r.get("Properties")).get("RouteKey")))
        .collect(Collectors.toSet());
    Set<String> operations = spec.operations().stream().map(ApiOperation::routeKey).collect(Collectors.toSet());
    assertEquals(operations, routeKeys);
    dev.api.resourceCountIs(ROUTE, spec.operations().size());
  }

  @Test
  void publicOperationsHaveNoAuthorizerAndTheRestTheJwtAuthorizer() {
    for (ApiOperation operation : spec.operations()) {
      if (operation.isPublic()) {
        dev.api.hasResourceProperties(ROUTE, Map.of(
            "RouteKey", operation.routeKey(), "AuthorizationType", "NONE", "AuthorizerId", Match.absent()));
      } else {
        dev.api.hasResourceProperties(ROUTE, Map.of(
            "RouteKey", operation.routeKey(), "AuthorizationType", "JWT", "AuthorizerId", Match.anyValue()));
      }
    }
    assertTrue(spec.operations().stream().anyMatch(ApiOperation::isPublic), "GET /health is public");
  }

  @Test
  void theAuthorizerTrustsThePoolsIssuerForThePortalClient() {
    dev.api.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 1);
    dev.api.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of(
        "AuthorizerType", "JWT",
        "IdentitySource", List.of("$request.header.Authorization"),
        "JwtConfiguration", Map.of(
            "Issuer", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*identity.*ProviderURL.*")),
            "Audience", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*identity.*PortalClient.*"))))));
  }

  @Test
  void routesCallTheHandlersLiveAlias() {
    dev.api.allResourcesProperties("AWS::ApiGatewayV2::Integration", Map.of(
        "IntegrationType", "AWS_PROXY",
        "PayloadFormatVersion", "2.0",
        "IntegrationUri", Map.of("Ref", Match.stringLikeRegexp(".*Alias.*"))));
  }

  @Test
  void corsAdmitsExactlyThePortalOrigins() {
    dev.api.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("CorsConfiguration", Match.objectLike(Map.of(
        "AllowOrigins", List.of(PortalOrigins.DEFAULT),
        "AllowHeaders", Match.arrayWith(List.of("authorization", "content-type")),
        "AllowCredentials", false))));
    SynthesizedStage.prod().api.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("CorsConfiguration",
        Match.objectLike(Map.of("AllowOrigins", List.of(SynthesizedStage.PROD_ORIGIN_1, SynthesizedStage.PROD_ORIGIN_2)))));
  }

  @Test
  void theDefaultStageThrottlesAndLogsAccessWithoutHealthData() {
    dev.api.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
        "StageName", "$default",
        "AutoDeploy", true,
        "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200),
        "AccessLogSettings", Map.of(
            "DestinationArn", dev.arnOf(dev.stacks.api().api().accessLogs()),
            "Format", ContractHttpApi.accessLogFormat())));
    String format = ContractHttpApi.accessLogFormat();
    assertTrue(format.contains("$context.routeKey"), format);
    for (String leak : List.of("$context.path", "querystring", "$input", "$request", "$context.error.message",
        "integrationErrorMessage", "$context.authorizer.claims")) {
      assertFalse(format.contains(leak), leak + " in " + format);
    }
  }

  @Test
  void aRouteWhoseHandlerIsNotInTheJarFailsSynthesis(@TempDir Path dir) throws IOException {
    Path fixture = Files.writeString(dir.resolve("openapi.yaml"), """
        openapi: 3.1.0
        paths:
          /health:
            get: {operationId: getHealth, security: [], x-handler: com.dermrelay.health.HealthHandler}
          /cases:
            post: {operationId: postCase, x-handler: com.dermrelay.intake.NoSuchHandler}
        """);
    SourcePaths paths = new SourcePaths(fixture, SourcePaths.locate().functionsJar());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DermRelayApp.compose(
        new App(DermRelayApp.appProps(Map.of(), Map.of(), null)), Map.of(), paths));
    assertTrue(e.getMessage().contains("com.dermrelay.intake.NoSuchHandler"), e.getMessage());
    assertFalse(e.getMessage().contains("HealthHandler"), e.getMessage());
  }

  @Test
  void aRouteWithoutHandlerFailsSynthesis(@TempDir Path dir) throws IOException {
    Path fixture = Files.writeString(dir.resolve("openapi.yaml"), """
        openapi: 3.1.0
        paths:
          /cases:
            post: {operationId: postCase}
        """);
    SourcePaths paths = new SourcePaths(fixture, SourcePaths.locate().functionsJar());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DermRelayApp.compose(
        new App(DermRelayApp.appProps(Map.of(), Map.of(), null)), Map.of(), paths));
    assertTrue(e.getMessage().contains("POST /cases"), e.getMessage());
  }
}
