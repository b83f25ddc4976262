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
import software.amazon.awscdk.assertions.Template;

class ContractHttpApiTest {

  private static final String ROUTE = "AWS::ApiGatewayV2::Route";

  private final SynthesizedStage dev = SynthesizedStage.dev();
  private final ApiSpec spec = ApiSpec.load(SourcePaths.locate().openApiSpec());

  @Test
  void everyOperationOfTheContractHasExactlyOneRouteInItsCapabilitysStack() {
    List<String> routeKeys = new java.util.ArrayList<>();
    for (ApiFunctionsStack operations : dev.stacks.operations()) {
      List<String> here =
          dev.templateOf(operations).findResources(ROUTE).values().stream()
              .map(r -> String.valueOf(((Map<?, ?>) r.get("Properties")).get("RouteKey")))
              .toList();
      assertEquals(
          spec.operations().stream()
              .filter(op -> op.capability().equals(operations.capability()))
              .map(ApiOperation::routeKey)
              .collect(Collectors.toSet()),
          Set.copyOf(here),
          operations.getStackName());
      routeKeys.addAll(here);
    }
    assertEquals(spec.operations().size(), routeKeys.size(), "no route twice");
    assertEquals(
        spec.operations().stream().map(ApiOperation::routeKey).collect(Collectors.toSet()),
        Set.copyOf(routeKeys));
    dev.api.resourceCountIs(ROUTE, 0);
  }

  @Test
  void publicOperationsHaveNoAuthorizerAndTheRestTheApisJwtAuthorizer() {
    Object authorizer =
        Map.of("Fn::ImportValue", Match.stringLikeRegexp("dermrelay-dev-api:.*CognitoIdToken.*"));
    Object api = Map.of("Fn::ImportValue", Match.stringLikeRegexp("dermrelay-dev-api:.*RefApi.*"));
    for (ApiOperation operation : spec.operations()) {
      Template routes = dev.templateOf(dev.stacks.operationsOf(operation.capability()));
      if (operation.isPublic()) {
        routes.hasResourceProperties(
            ROUTE,
            Map.of(
                "ApiId",
                api,
                "RouteKey",
                operation.routeKey(),
                "AuthorizationType",
                "NONE",
                "AuthorizerId",
                Match.absent()));
      } else {
        routes.hasResourceProperties(
            ROUTE,
            Map.of(
                "ApiId",
                api,
                "RouteKey",
                operation.routeKey(),
                "AuthorizationType",
                "JWT",
                "AuthorizerId",
                authorizer));
      }
    }
    assertTrue(
        spec.operations().stream().anyMatch(ApiOperation::isPublic), "GET /health is public");
  }

  @Test
  void theAuthorizerTrustsThePoolsIssuerForThePortalClient() {
    dev.api.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 1);
    dev.api.hasResourceProperties(
        "AWS::ApiGatewayV2::Authorizer",
        Map.of(
            "AuthorizerType", "JWT",
            "IdentitySource", List.of("$request.header.Authorization"),
            "JwtConfiguration",
                Map.of(
                    "Issuer",
                        Map.of(
                            "Fn::ImportValue", Match.stringLikeRegexp(".*identity.*ProviderURL.*")),
                    "Audience",
                        List.of(
                            Map.of(
                                "Fn::ImportValue",
                                Match.stringLikeRegexp(".*identity.*PortalClient.*"))))));
  }

  @Test
  void routesCallTheLiveAliasOfTheirHandlersFunctionBesideThem() {
    for (ApiOperation operation : spec.operations()) {
      Functions.DeployedFunction target = dev.function(operation.handler());
      Template routes = dev.templateOf(target.function());
      assertEquals(
          dev.stacks.operationsOf(operation.capability()),
          software.amazon.awscdk.Stack.of(target.function()));
      Map<String, Map<String, Object>> integrations =
          routes.findResources(
              "AWS::ApiGatewayV2::Integration",
              Map.of(
                  "Properties",
                  Map.of(
                      "IntegrationType",
                      "AWS_PROXY",
                      "PayloadFormatVersion",
                      "2.0",
                      "IntegrationUri",
                      dev.refTo(target.alias()))));
      assertEquals(1, integrations.size(), operation.handler());
      routes.hasResourceProperties(
          ROUTE,
          Map.of(
              "RouteKey",
              operation.routeKey(),
              "Target",
              Map.of(
                  "Fn::Join",
                  List.of(
                      "",
                      List.of(
                          "integrations/",
                          Map.of("Ref", integrations.keySet().iterator().next()))))));
      // API Gateway may invoke the alias for this route only.
      routes.hasResourceProperties(
          "AWS::Lambda::Permission",
          Map.of(
              "Action",
              "lambda:InvokeFunction",
              "FunctionName",
              dev.refTo(target.alias()),
              "Principal",
              "apigateway.amazonaws.com"));
    }
  }

  @Test
  void corsAdmitsExactlyThePortalOrigins() {
    dev.api.hasResourceProperties(
        "AWS::ApiGatewayV2::Api",
        Map.of(
            "CorsConfiguration",
            Match.objectLike(
                Map.of(
                    "AllowOrigins", List.of(PortalOrigins.DEFAULT),
                    "AllowHeaders", Match.arrayWith(List.of("authorization", "content-type")),
                    "AllowCredentials", false))));
    SynthesizedStage.prod()
        .api
        .hasResourceProperties(
            "AWS::ApiGatewayV2::Api",
            Map.of(
                "CorsConfiguration",
                Match.objectLike(
                    Map.of(
                        "AllowOrigins",
                        List.of(SynthesizedStage.PROD_ORIGIN_1, SynthesizedStage.PROD_ORIGIN_2)))));
  }

  @Test
  void theDefaultStageThrottlesAndLogsAccessWithoutHealthData() {
    dev.api.hasResourceProperties(
        "AWS::ApiGatewayV2::Stage",
        Map.of(
            "StageName",
            "$default",
            "AutoDeploy",
            true,
            "DefaultRouteSettings",
            Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200),
            "AccessLogSettings",
            Map.of(
                "DestinationArn", dev.arnOf(dev.stacks.api().api().accessLogs()),
                "Format", ContractHttpApi.accessLogFormat())));
    String format = ContractHttpApi.accessLogFormat();
    assertTrue(format.contains("$context.routeKey"), format);
    for (String leak :
        List.of(
            "$context.path",
            "querystring",
            "$input",
            "$request",
            "$context.error.message",
            "integrationErrorMessage",
            "$context.authorizer.claims")) {
      assertFalse(format.contains(leak), leak + " in " + format);
    }
  }

  @Test
  void aRouteWhoseHandlerIsNotInTheJarFailsSynthesis(@TempDir Path dir) throws IOException {
    Path fixture =
        Files.writeString(
            dir.resolve("openapi.yaml"),
            """
        openapi: 3.1.0
        paths:
          /health:
            get: {operationId: getHealth, security: [], x-handler: com.dermrelay.health.HealthHandler}
          /cases:
            post: {operationId: postCase, x-handler: com.dermrelay.intake.NoSuchHandler}
        """);
    SourcePaths paths = new SourcePaths(fixture, SourcePaths.locate().functionsJar());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                DermRelayApp.compose(
                    new App(DermRelayApp.appProps(Map.of(), Map.of(), null)), Map.of(), paths));
    assertTrue(e.getMessage().contains("com.dermrelay.intake.NoSuchHandler"), e.getMessage());
    assertFalse(e.getMessage().contains("HealthHandler"), e.getMessage());
  }

  @Test
  void aRouteWithoutHandlerFailsSynthesis(@TempDir Path dir) throws IOException {
    Path fixture =
        Files.writeString(
            dir.resolve("openapi.yaml"),
            """
        openapi: 3.1.0
        paths:
          /cases:
            post: {operationId: postCase}
        """);
    SourcePaths paths = new SourcePaths(fixture, SourcePaths.locate().functionsJar());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                DermRelayApp.compose(
                    new App(DermRelayApp.appProps(Map.of(), Map.of(), null)), Map.of(), paths));
    assertTrue(e.getMessage().contains("POST /cases"), e.getMessage());
  }
}
