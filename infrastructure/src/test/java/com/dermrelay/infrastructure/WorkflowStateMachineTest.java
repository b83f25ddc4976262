package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** Every workflow of {@link WorkflowTasks#ALL}, as the workflow stack deploys them. */
class WorkflowStateMachineTest {

  private static final String STATE_MACHINE = "AWS::StepFunctions::StateMachine";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEPENDENCY_OUTAGE =
      "com.dermrelay.core.workflow.DependencyUnavailableException";

  private final SynthesizedStage today = SynthesizedStage.dev();
  private final SynthesizedStage complete = SynthesizedStage.withWorkflow();

  static Stream<WorkflowTasks> workflows() {
    return WorkflowTasks.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void withoutItsTaskHandlersInTheJarsAWorkflowIsLeftOutAndAWarningNamesEveryMissingOne(
      WorkflowTasks workflow) {
    WorkflowStack stack = today.stacks.workflow();
    Assumptions.assumeTrue(
        stack.stateMachine(workflow).isEmpty(),
        "the jars hold every task handler of the " + workflow.name() + " workflow: it is deployed");
    List<SynthesisMessage> warnings =
        SynthesizedStage.annotationsOf(stack)
            .findWarning(
                "*",
                Match.stringLikeRegexp("The " + workflow.name() + " workflow is not deployed.*"));
    assertEquals(1, warnings.size(), warnings.toString());
    String text = String.valueOf(warnings.get(0).getEntry().getData());
    workflow.handlers().values().forEach(handler -> assertTrue(text.contains(handler), text));
    workflow
        .handlers()
        .values()
        .forEach(
            handler ->
                assertTrue(
                    stack.functions().all().stream()
                        .noneMatch(d -> d.handlerClass().equals(handler)),
                    "no task function without its workflow: " + handler));
  }

  @Test
  void todayTheCaseWorkflowIsDeployedFromTheFunctionsJar() {
    assertTrue(
        today.stacks.workflow().stateMachine(WorkflowTasks.CASE).isPresent(), "the case workflow");
    today.workflow.hasResourceProperties(
        STATE_MACHINE, Map.of("StateMachineName", "dermrelay-dev-case"));
    today.api.resourceCountIs(STATE_MACHINE, 0);
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void aStandardStateMachineNamedForTheStageIsTracedAndLogsWithoutExecutionData(
      WorkflowTasks workflow) {
    complete.workflow.resourceCountIs(STATE_MACHINE, WorkflowTasks.ALL.size());
    String name = "dermrelay-dev-" + workflow.name();
    complete.assertProperties(
        machine(workflow).stateMachine(),
        Map.of(
            "StateMachineName",
            name,
            "StateMachineType",
            "STANDARD",
            "TracingConfiguration",
            Map.of("Enabled", true),
            "LoggingConfiguration",
            Map.of("Level", "ALL", "IncludeExecutionData", false)));
    complete.workflow.hasResourceProperties(
        "AWS::Logs::LogGroup",
        Map.of(
            "LogGroupName",
            "/aws/vendedlogs/states/" + name,
            "RetentionInDays",
            365,
            "KmsKeyId",
            complete.arnOf(complete.stacks.workflow().logKey())));
    // The ARN the functions are told names this state machine.
    String predicted = workflow.arnIn(complete.stacks.api(), complete.stacks.config());
    assertTrue(predicted.endsWith(":stateMachine:" + name), predicted);
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void theDefinitionIsTheRepositorysAslFileWithEachTaskAliasSubstituted(WorkflowTasks workflow)
      throws IOException {
    Map<String, Object> properties = stateMachineProperties(workflow);
    String definition = (String) properties.get("DefinitionString");
    @SuppressWarnings("unchecked")
    Map<String, Object> substitutions =
        (Map<String, Object>) properties.get("DefinitionSubstitutions");

    String repositoryAsl = Files.readString(repositoryAslFile(workflow));
    Set<String> placeholders = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(repositoryAsl);
    while (matcher.find()) {
      placeholders.add(matcher.group(1));
    }
    assertEquals(
        placeholders,
        new TreeSet<>(substitutions.keySet()),
        "every placeholder substituted, nothing else");

    // Resolve each substitution to its alias's logical id, in the template and in the expectation.
    String deployed = substitute(definition, key -> "alias:" + refOf(substitutions.get(key)));
    String expected =
        substitute(
            repositoryAsl,
            key ->
                "alias:"
                    + aliasId(workflow, key.substring(0, key.length() - "FunctionArn".length())));
    assertEquals(JSON.readTree(expected), JSON.readTree(deployed));
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void everyTaskStateInvokesTheLiveAliasOfItsTasksFunction(WorkflowTasks workflow)
      throws IOException {
    Map<String, Object> properties = stateMachineProperties(workflow);
    @SuppressWarnings("unchecked")
    Map<String, Object> substitutions =
        (Map<String, Object>) properties.get("DefinitionSubstitutions");
    JsonNode states = JSON.readTree((String) properties.get("DefinitionString")).get("States");
    List<String> invoked = new ArrayList<>();
    states
        .fields()
        .forEachRemaining(
            state -> {
              JsonNode functionName = state.getValue().path("Parameters").path("FunctionName");
              if (!functionName.isMissingNode()) {
                Matcher m = PLACEHOLDER.matcher(functionName.asText());
                assertTrue(m.matches(), state.getKey() + ": " + functionName);
                invoked.add(state.getKey() + "=" + refOf(substitutions.get(m.group(1))));
              }
            });
    if (workflow == WorkflowTasks.CASE) {
      assertTrue(
          invoked.contains("TriageFollowUp=" + aliasId(workflow, "Triage")), invoked.toString());
    }
    for (String task : workflow.tasks()) {
      assertTrue(invoked.contains(task + "=" + aliasId(workflow, task)), task + " in " + invoked);
      complete.assertProperties(
          taskFunction(workflow, task).alias(), Map.of("Name", Functions.ALIAS));
    }
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void theWorkflowRoleMayInvokeOnlyItsOwnTaskAliases(WorkflowTasks workflow) {
    Object role = complete.refTo(machine(workflow).stateMachine().getRole());
    List<Object> aliases =
        workflow.tasks().stream()
            .map(task -> (Object) complete.refTo(taskFunction(workflow, task).alias()))
            .toList();
    complete.workflow.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "Roles", List.of(role),
            "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Sid",
                                    "InvokeTaskFunctions",
                                    "Action",
                                    "lambda:InvokeFunction",
                                    "Resource",
                                    aliases.size() == 1 ? aliases.get(0) : aliases)))))));
    String policies =
        complete
            .workflow
            .findResources("AWS::IAM::Policy", Map.of("Properties", Map.of("Roles", List.of(role))))
            .toString();
    assertEquals(
        1,
        policies.split("lambda:", -1).length - 1,
        "one Lambda action in the workflow role's policy: " + policies);
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void taskFunctionsAreDeployedWithoutRoutesWithTheirProfilesMemory(WorkflowTasks workflow) {
    for (String task : workflow.tasks()) {
      Functions.DeployedFunction deployed = taskFunction(workflow, task);
      assertEquals(Functions.Caller.WORKFLOW_TASK, deployed.caller(), task);
      complete.assertProperties(
          deployed.function(),
          Map.of(
              "MemorySize",
              FunctionProfile.forHandler(workflow.handlerOf(task)).memoryMb(),
              "Handler",
              workflow.handlerOf(task) + "::handleRequest"));
    }
    int tasks = WorkflowTasks.ALL.stream().mapToInt(w -> w.tasks().size()).sum();
    // The tasks' functions, and the reconciler the schedule runs (WorkflowStackTest).
    complete.workflow.resourceCountIs("AWS::Lambda::Function", tasks + 1);
    assertTrue(
        complete.apiFunctions().stream().allMatch(d -> d.caller() == Functions.Caller.ROUTE));
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void failedAndTimedOutExecutionsAlarm(WorkflowTasks workflow) {
    Object stateMachine = complete.refTo(machine(workflow).stateMachine());
    for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut")) {
      complete.workflow.hasResourceProperties(
          "AWS::CloudWatch::Alarm",
          Map.of(
              "Namespace",
              "AWS/States",
              "MetricName",
              metric,
              "Dimensions",
              List.of(Map.of("Name", "StateMachineArn", "Value", stateMachine))));
    }
  }

  @Test
  void aFunctionThatNeitherARouteNorATaskCallsFailsSynthesis() {
    Functions tasks = complete.stacks.workflow().functions();
    IllegalStateException noWorkflow =
        assertThrows(
            IllegalStateException.class,
            () -> tasks.requireEveryFunctionIsCalled(List.of(), List.of()));
    assertTrue(
        noWorkflow
            .getMessage()
            .contains(WorkflowTasks.CASE.handlerOf("Triage") + " (WORKFLOW_TASK)"),
        noWorkflow.getMessage());
    Functions review = complete.stacks.operationsOf("review").functions();
    List<String> routed =
        review.all().stream().map(Functions.DeployedFunction::handlerClass).toList();
    IllegalStateException noRoute =
        assertThrows(
            IllegalStateException.class,
            () -> review.requireEveryFunctionIsCalled(routed.subList(1, routed.size()), List.of()));
    assertTrue(noRoute.getMessage().contains(routed.get(0) + " (ROUTE)"), noRoute.getMessage());
  }

  @Test
  void aHandlerCannotBeBothARoutesAndATasks() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Functions.callers(List.of("com.example.A"), List.of("com.example.A")));
    assertTrue(e.getMessage().contains("either a route's handler or a task's"), e.getMessage());
  }

  private WorkflowStateMachine machine(WorkflowTasks workflow) {
    return complete.stacks.workflow().stateMachine(workflow).orElseThrow();
  }

  private Functions.DeployedFunction taskFunction(WorkflowTasks workflow, String task) {
    return complete.stacks.workflow().functions().forHandler(workflow.handlerOf(task));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stateMachineProperties(WorkflowTasks workflow) {
    Map<String, Map<String, Object>> machines = complete.workflow.findResources(STATE_MACHINE);
    String id = complete.logicalId(machine(workflow).stateMachine());
    return (Map<String, Object>) machines.get(id).get("Properties");
  }

  private String aliasId(WorkflowTasks workflow, String task) {
    return complete.logicalId(taskFunction(workflow, task).alias());
  }

  private static String refOf(Object intrinsic) {
    if (intrinsic instanceof Map<?, ?> map && map.get("Ref") instanceof String id) {
      return id;
    }
    throw new AssertionError("expected a Ref to a task alias, got " + intrinsic);
  }

  /**
   * A step that cannot reach the table, storage or the user pool says so by one name (every task
   * handler raises it: decision 0023); each workflow retries it, so a passing outage delays a case,
   * a delivery or an export instead of failing it.
   */
  @ParameterizedTest
  @MethodSource("workflows")
  void everyTaskRetriesADependencyOutage(WorkflowTasks workflow) throws IOException {
    List<String> failOnOutage = new ArrayList<>();
    JSON.readTree(workflow.asl())
        .get("States")
        .fields()
        .forEachRemaining(
            state -> {
              if (!"Task".equals(state.getValue().path("Type").asText())) {
                return;
              }
              boolean retried = false;
              for (JsonNode retry : state.getValue().path("Retry")) {
                for (JsonNode error : retry.path("ErrorEquals")) {
                  retried |=
                      DEPENDENCY_OUTAGE.equals(error.asText())
                          || "States.ALL".equals(error.asText());
                }
              }
              if (!retried) {
                failOnOutage.add(state.getKey());
              }
            });
    assertEquals(List.of(), failOnOutage, workflow.name() + ": tasks an outage would fail");
  }

  private static String substitute(String text, java.util.function.Function<String, String> value) {
    return PLACEHOLDER
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(value.apply(m.group(1))));
  }

  private static Path repositoryAslFile(WorkflowTasks workflow) {
    Path root = SourcePaths.locate().functionsJar().getParent().getParent().getParent();
    return root.resolve("infrastructure/src/main/resources" + workflow.aslResource());
  }
}
