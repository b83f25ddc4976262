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
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

class CaseWorkflowTest {

  private static final String STATE_MACHINE = "AWS::StepFunctions::StateMachine";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SynthesizedStage today = SynthesizedStage.dev();
  private final SynthesizedStage workflow = SynthesizedStage.withWorkflow();

  @Test
  void withoutTheTaskHandlersInTheJarThereIsNoStateMachineAndAWarningNamesEveryMissingOne() {
    org.junit.jupiter.api.Assumptions.assumeTrue(today.api.findResources(STATE_MACHINE).isEmpty(),
        "the functions jar holds every task handler (issue 4): the workflow is deployed");
    today.api.resourceCountIs(STATE_MACHINE, 0);
    List<SynthesisMessage> warnings = SynthesizedStage.annotationsOf(today.stacks.api())
        .findWarning("*", Match.stringLikeRegexp("The case workflow is not deployed.*"));
    assertEquals(1, warnings.size(), warnings.toString());
    String text = String.valueOf(warnings.get(0).getEntry().getData());
    for (String handler : WorkflowTasks.handlers().values()) {
      assertTrue(text.contains(handler), text);
    }
    assertTrue(today.stacks.api().functions().all().stream()
        .allMatch(d -> d.caller() == Functions.Caller.ROUTE), "no task functions without the workflow");
  }

  @Test
  void withTheTaskHandlersAStandardStateMachineNamedForTheStageIsTracedAndLogsWithoutExecutionData() {
    workflow.api.resourceCountIs(STATE_MACHINE, 1);
    CaseWorkflow caseWorkflow = workflow.stacks.api().caseWorkflow();
    workflow.assertProperties(caseWorkflow.stateMachine(), Map.of(
        "StateMachineName", "dermrelay-dev-case",
        "StateMachineType", "STANDARD",
        "TracingConfiguration", Map.of("Enabled", true),
        "LoggingConfiguration", Map.of("Level", "ALL", "IncludeExecutionData", false)));
    workflow.api.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
        "LogGroupName", "/aws/vendedlogs/states/dermrelay-dev-case",
        "RetentionInDays", 365,
        "KmsKeyId", workflow.arnOf(workflow.stacks.api().operationsKey().key())));
    // The ARN the functions get in DERMRELAY_CASE_WORKFLOW_ARN names this state machine.
    String predicted = workflow.stacks.api().caseWorkflowArn();
    assertTrue(predicted.endsWith(":stateMachine:dermrelay-dev-case"), predicted);
  }

  @Test
  void theDefinitionIsTheRepositorysAslFileWithEachTaskAliasSubstituted() throws IOException {
    Map<String, Object> properties = stateMachineProperties();
    String definition = (String) properties.get("DefinitionString");
    @SuppressWarnings("unchecked")
    Map<String, Object> substitutions = (Map<String, Object>) properties.get("DefinitionSubstitutions");

    String repositoryAsl = Files.readString(repositoryAslFile());
    Set<String> placeholders = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(repositoryAsl);
    while (matcher.find()) {
      placeholders.add(matcher.group(1));
    }
    assertEquals(placeholders, new TreeSet<>(substitutions.keySet()), "every placeholder substituted, nothing else");

    // Resolve each substitution to its alias's logical id, in the template and in the expectation.
    String deployed = substitute(definition, key -> "alias:" + refOf(substitutions.get(key)));
    String expected = substitute(repositoryAsl, key -> {
      String task = key.substring(0, key.length() - "FunctionArn".length());
      return "alias:" + workflow.logicalId(workflow.stacks.api().functions()
          .forHandler(WorkflowTasks.handlerOf(task)).alias());
    });
    assertEquals(JSON.readTree(expected), JSON.readTree(deployed));
  }

  @Test
  void everyTaskStateInvokesTheLiveAliasOfItsTasksFunction() throws IOException {
    Map<String, Object> properties = stateMachineProperties();
    @SuppressWarnings("unchecked")
    Map<String, Object> substitutions = (Map<String, Object>) properties.get("DefinitionSubstitutions");
    JsonNode states = JSON.readTree((String) properties.get("DefinitionString")).get("States");
    List<String> invoked = new ArrayList<>();
    states.fields().forEachRemaining(state -> {
      JsonNode functionName = state.getValue().path("Parameters").path("FunctionName");
      if (!functionName.isMissingNode()) {
        Matcher m = PLACEHOLDER.matcher(functionName.asText());
        assertTrue(m.matches(), state.getKey() + ": " + functionName);
        invoked.add(state.getKey() + "=" + refOf(substitutions.get(m.group(1))));
      }
    });
    Functions functions = workflow.stacks.api().functions();
    assertTrue(invoked.contains("Triage=" + aliasId(functions, "Triage")), invoked.toString());
    assertTrue(invoked.contains("TriageFollowUp=" + aliasId(functions, "Triage")), invoked.toString());
    for (String task : WorkflowTasks.TASKS) {
      assertTrue(invoked.contains(task + "=" + aliasId(functions, task)), task + " in " + invoked);
      workflow.assertProperties(functions.forHandler(WorkflowTasks.handlerOf(task)).alias(),
          Map.of("Name", Functions.ALIAS));
    }
  }

  @Test
  void theWorkflowRoleMayInvokeOnlyTheNineTaskAliases() {
    CaseWorkflow caseWorkflow = workflow.stacks.api().caseWorkflow();
    Object role = workflow.refTo(caseWorkflow.stateMachine().getRole());
    List<Object> aliases = WorkflowTasks.TASKS.stream()
        .map(task -> (Object) workflow.refTo(workflow.stacks.api().functions().forHandler(WorkflowTasks.handlerOf(task)).alias()))
        .toList();
    workflow.api.hasResourceProperties("AWS::IAM::Policy", Map.of(
        "Roles", List.of(role),
        "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Sid", "InvokeTaskFunctions", "Action", "lambda:InvokeFunction", "Resource", aliases)))))));
    String policies = workflow.api.findResources("AWS::IAM::Policy", Map.of("Properties", Map.of("Roles", List.of(role))))
        .toString();
    assertEquals(1, policies.split("lambda:", -1).length - 1, "one Lambda action in the workflow role's policy: " + policies);
  }

  @Test
  void taskFunctionsAreDeployedWithoutRoutesAndWithTheTaskProfile() {
    Functions functions = workflow.stacks.api().functions();
    for (String task : WorkflowTasks.TASKS) {
      Functions.DeployedFunction deployed = functions.forHandler(WorkflowTasks.handlerOf(task));
      assertEquals(Functions.Caller.WORKFLOW_TASK, deployed.caller(), task);
      workflow.assertProperties(deployed.function(), Map.of("MemorySize", 768, "Handler",
          WorkflowTasks.handlerOf(task) + "::handleRequest"));
    }
    int operations = ApiSpec.load(SourcePaths.locate().openApiSpec()).handlers().size();
    workflow.api.resourceCountIs("AWS::Lambda::Function", operations + WorkflowTasks.TASKS.size());
    assertEquals(today.stacks.api().api().routes().keySet(), workflow.stacks.api().api().routes().keySet());
  }

  @Test
  void failedAndTimedOutExecutionsAlarm() {
    Object stateMachine = workflow.refTo(workflow.stacks.api().caseWorkflow().stateMachine());
    for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut")) {
      workflow.api.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
          "Namespace", "AWS/States", "MetricName", metric,
          "Dimensions", List.of(Map.of("Name", "StateMachineArn", "Value", stateMachine))));
    }
  }

  @Test
  void aFunctionThatNeitherARouteNorATaskCallsFailsSynthesis() {
    Functions functions = workflow.stacks.api().functions();
    List<String> routed = ApiSpec.load(SourcePaths.locate().openApiSpec()).handlers();
    IllegalStateException noWorkflow = assertThrows(IllegalStateException.class,
        () -> functions.requireEveryFunctionIsCalled(routed, List.of()));
    assertTrue(noWorkflow.getMessage().contains(WorkflowTasks.handlerOf("Triage") + " (WORKFLOW_TASK)"),
        noWorkflow.getMessage());
    IllegalStateException noRoute = assertThrows(IllegalStateException.class,
        () -> functions.requireEveryFunctionIsCalled(routed.subList(1, routed.size()),
            List.copyOf(WorkflowTasks.handlers().values())));
    assertTrue(noRoute.getMessage().contains(routed.get(0) + " (ROUTE)"), noRoute.getMessage());
  }

  @Test
  void aHandlerCannotBeBothARoutesAndATasks() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Functions.callers(List.of("com.example.A"), List.of("com.example.A")));
    assertTrue(e.getMessage().contains("either a route's handler or a task's"), e.getMessage());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stateMachineProperties() {
    Map<String, Map<String, Object>> machines = workflow.api.findResources(STATE_MACHINE);
    assertEquals(1, machines.size());
    return (Map<String, Object>) machines.values().iterator().next().get("Properties");
  }

  private String aliasId(Functions functions, String task) {
    return workflow.logicalId(functions.forHandler(WorkflowTasks.handlerOf(task)).alias());
  }

  private static String refOf(Object intrinsic) {
    if (intrinsic instanceof Map<?, ?> map && map.get("Ref") instanceof String id) {
      return id;
    }
    throw new AssertionError("expected a Ref to a task alias, got " + intrinsic);
  }

  private static String substitute(String text, java.util.function.Function<String, String> value) {
    return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(value.apply(m.group(1))));
  }

  private static Path repositoryAslFile() {
    Path specParent = SourcePaths.locate().openApiSpec().getParent().getParent();
    return specParent.resolve("infrastructure/src/main/resources/workflows/case-workflow.asl.json");
  }
}
