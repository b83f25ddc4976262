package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The API's operations in one stack per capability package of their handlers, computed from the
 * contract.
 */
class ApiFunctionsStackTest {

  private static final String ROUTE = "AWS::ApiGatewayV2::Route";
  private static final Pattern IMPORT = Pattern.compile("\"Fn::ImportValue\":\"([^\"]+)\"");

  static Stream<SynthesizedStage> stages() {
    return Stream.of(
        SynthesizedStage.dev(),
        SynthesizedStage.prod(),
        SynthesizedStage.withWorkflow(),
        SynthesizedStage.nextRound());
  }

  @ParameterizedTest
  @MethodSource("stages")
  void everyOperationIsRoutedExactlyOnceInEveryRegionFromTheStackOfItsHandlersPackage(
      SynthesizedStage stage) {
    List<ApiOperation> operations = ApiSpec.load(stage.sources.openApiSpec()).operations();
    for (RegionStacks region : stage.regions) {
      Map<String, List<String>> stacksByRoute = new TreeMap<>();
      for (Stack stack : region.stacks()) {
        Template template =
            region == stage.stacks ? stage.templateOf(stack) : stage.synthesizedTemplate(stack);
        template
            .findResources(ROUTE)
            .values()
            .forEach(
                route ->
                    stacksByRoute
                        .computeIfAbsent(
                            String.valueOf(((Map<?, ?>) route.get("Properties")).get("RouteKey")),
                            k -> new ArrayList<>())
                        .add(stack.getStackName()));
      }
      Map<String, List<String>> expected = new TreeMap<>();
      operations.forEach(
          op ->
              expected.put(
                  op.routeKey(),
                  List.of(region.config().stackPrefix() + "-api-" + op.capability())));
      assertEquals(expected, stacksByRoute);
    }
  }

  @Test
  void anOperationOfANewPackageGetsANewStackAndOneOfAKnownPackageJoinsItsStack() {
    SynthesizedStage before = SynthesizedStage.withWorkflow();
    SynthesizedStage after = SynthesizedStage.nextRound();
    Map<String, List<ApiOperation>> contract =
        ApiSpec.load(after.sources.openApiSpec()).byCapability();
    assertEquals(
        contract.keySet(),
        after.stacks.operations().stream()
            .map(ApiFunctionsStack::capability)
            .collect(Collectors.toSet()),
        "one stack per capability package, and no other");
    for (String added : List.of("assisted", "console", "documents", "surveillance")) {
      assertTrue(
          before.stacks.operations().stream().noneMatch(s -> s.capability().equals(added)), added);
      assertEquals("dermrelay-dev-api-" + added, after.stacks.operationsOf(added).getStackName());
    }
    // Research exports landed with issue 17: the fixture's research operations join that stack.
    assertTrue(
        routeKeys(after, after.stacks.operationsOf("research"))
            .containsAll(routeKeys(before, before.stacks.operationsOf("research"))));
    // Metering landed with issue 19: the fixture's metering operations join that stack.
    assertTrue(
        routeKeys(after, after.stacks.operationsOf("metering"))
            .containsAll(routeKeys(before, before.stacks.operationsOf("metering"))));
    // Answer templates landed with issue 21: the fixture's template operations join that stack.
    assertTrue(
        routeKeys(after, after.stacks.operationsOf("templates"))
            .containsAll(routeKeys(before, before.stacks.operationsOf("templates"))));
    List<String> reviewBefore = routeKeys(before, before.stacks.operationsOf("review"));
    List<String> reviewAfter = routeKeys(after, after.stacks.operationsOf("review"));
    assertTrue(reviewAfter.containsAll(reviewBefore), "the review stack keeps its routes");
    assertEquals(
        reviewBefore.size() + 12,
        reviewAfter.size(),
        "and takes the twelve second-read operations");
  }

  @Test
  void aCapabilityStackRefersOnlyToTheStacksBelowItAndNothingRefersToIt() {
    SynthesizedStage stage = SynthesizedStage.nextRound();
    String prefix = stage.stacks.config().stackPrefix();
    Set<String> below =
        Set.of(prefix + "-data", prefix + "-identity", prefix + "-workflow", prefix + "-api");
    for (ApiFunctionsStack operations : stage.stacks.operations()) {
      Template template = stage.templateOf(operations);
      assertFalse(
          template.toJSON().containsKey("Outputs"), operations.getStackName() + " exports nothing");
      for (String imported : imports(template)) {
        assertTrue(
            below.contains(imported.substring(0, imported.indexOf(':'))),
            operations.getStackName() + " imports " + imported);
      }
    }
    for (Stack stack : stage.stacks.stacks()) {
      if (!(stack instanceof ApiFunctionsStack)) {
        for (String imported : imports(stage.templateOf(stack))) {
          assertFalse(
              imported.startsWith(prefix + "-api-"), stack.getStackName() + " imports " + imported);
        }
      }
    }
  }

  @Test
  void sixtyMoreOperationsAndAWorkflowChangeNoExportOfTheStacksBelow() {
    // An export cannot change while another stack imports it; so a deploy that adds operations must
    // leave every export alone.
    SynthesizedStage before = SynthesizedStage.withWorkflow();
    SynthesizedStage after = SynthesizedStage.nextRound();
    for (Stack stack : before.stacks.stacks()) {
      Map<String, Object> exports = exports(before.templateOf(stack));
      Stack same =
          after.stacks.stacks().stream()
              .filter(s -> s.getStackName().equals(stack.getStackName()))
              .findFirst()
              .orElseThrow();
      Map<String, Object> afterExports = exports(after.templateOf(same));
      assertEquals(
          exports,
          afterExports.entrySet().stream()
              .filter(e -> exports.containsKey(e.getKey()))
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
          stack.getStackName());
      assertTrue(
          afterExports.keySet().containsAll(exports.keySet()),
          stack.getStackName() + " keeps its exports");
    }
  }

  @Test
  void aHandlerOutsideACapabilityPackageFailsNamingItsOperation(@TempDir Path dir)
      throws IOException {
    Path fixture =
        Files.writeString(
            dir.resolve("openapi.yaml"),
            """
        openapi: 3.1.0
        paths:
          /health:
            get: {operationId: getHealth, security: [], x-handler: com.dermrelay.health.HealthHandler}
          /status:
            get: {operationId: getStatus, x-handler: com.dermrelay.StatusHandler}
        """);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ApiSpec.load(fixture).byCapability());
    assertTrue(
        e.getMessage().contains("GET /status (getStatus)")
            && e.getMessage().contains("com.dermrelay.StatusHandler"),
        e.getMessage());
    assertEquals(
        "fhir", ApiOperation.capabilityOf("com.dermrelay.fhir.api.GetCaseFhirBundleHandler"));
  }

  private static List<String> routeKeys(SynthesizedStage stage, Stack stack) {
    return stage.templateOf(stack).findResources(ROUTE).values().stream()
        .map(route -> String.valueOf(((Map<?, ?>) route.get("Properties")).get("RouteKey")))
        .sorted()
        .toList();
  }

  private static List<String> imports(Template template) {
    String json;
    try {
      json =
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(template.toJSON());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    List<String> imports = new ArrayList<>();
    Matcher matcher = IMPORT.matcher(json);
    while (matcher.find()) {
      imports.add(matcher.group(1));
    }
    return imports;
  }

  /** Export name to exported value. */
  private static Map<String, Object> exports(Template template) {
    Map<String, Object> exports = new LinkedHashMap<>();
    if (template.toJSON().get("Outputs") instanceof Map<?, ?> outputs) {
      outputs
          .values()
          .forEach(
              output -> {
                if (((Map<?, ?>) output).get("Export") instanceof Map<?, ?> export) {
                  exports.put(
                      String.valueOf(export.get("Name")), ((Map<?, ?>) output).get("Value"));
                }
              });
    }
    return exports;
  }
}
