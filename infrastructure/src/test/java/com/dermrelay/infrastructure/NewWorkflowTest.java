package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Adding a workflow is adding one {@link WorkflowTasks} record (docs/deploy.md, "Add a workflow"):
 * {@link SynthesizedStage#nextRound()} adds {@link SynthesizedStage#FIXTURE_WORKFLOW}, with its ASL
 * file in the test resources and its task handlers in the fixture jar, and nothing else.
 */
class NewWorkflowTest {

  private static final WorkflowTasks FIXTURE = SynthesizedStage.FIXTURE_WORKFLOW;
  private static final String STACK = "dermrelay-dev-workflow-fixture-reminders";

  private final SynthesizedStage next = SynthesizedStage.nextRound();
  private final SynthesizedStage before = SynthesizedStage.withWorkflow();

  @Test
  void itDeploysWithItsTaskFunctionsInAStackOfItsOwnOnTheSharedTopicAndKey() {
    WorkflowStack stack = workflowStack(next);
    assertEquals(List.of(FIXTURE), stack.deployed());
    Template template = next.templateOf(stack);
    template.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
    template.hasResourceProperties(
        "AWS::StepFunctions::StateMachine",
        Map.of(
            "StateMachineName", "dermrelay-dev-fixture-reminders", "StateMachineType", "STANDARD"));
    assertEquals(
        List.of("ScheduleReminder", "SendReminder", "RecordReminderFailure"), FIXTURE.tasks());
    template.resourceCountIs("AWS::Lambda::Function", 3);
    for (String task : FIXTURE.tasks()) {
      Functions.DeployedFunction deployed = stack.functions().forHandler(FIXTURE.handlerOf(task));
      assertEquals(
          "com.dermrelay.fixture.workflow." + task + "TaskHandler", deployed.handlerClass());
      next.assertProperties(
          deployed.function(), Map.of("Handler", deployed.handlerClass() + "::handleRequest"));
      template.hasResourceProperties(
          "AWS::StepFunctions::StateMachine",
          Map.of(
              "DefinitionSubstitutions",
              Map.of(WorkflowTasks.substitutionKey(task), next.refTo(deployed.alias()))));
    }
    // The region's one alarm topic and the workflow stacks' one operations key, from -workflow.
    template.resourceCountIs("AWS::SNS::Topic", 0);
    template.resourceCountIs("AWS::KMS::Key", 0);
    Object topic =
        Map.of("Fn::ImportValue", Match.stringLikeRegexp("dermrelay-dev-workflow:.*AlarmTopic.*"));
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(topic)));
    template.resourceCountIs("AWS::CloudWatch::Alarm", 3 + 2);
    template.allResourcesProperties(
        "AWS::Logs::LogGroup",
        Map.of(
            "KmsKeyId",
            Map.of(
                "Fn::ImportValue",
                Match.stringLikeRegexp("dermrelay-dev-workflow:.*OperationsKey.*"))));
    assertTrue(
        stack.tenantAccess() != null,
        "its tasks act for one tenant on their own stack's tenant data role");
    assertTrue(stack.getDependencies().contains(next.stacks.workflow()));
  }

  @Test
  void theApiWaitsForItAndEveryFunctionIsToldItsArn() {
    WorkflowStack stack = workflowStack(next);
    assertTrue(next.stacks.api().getDependencies().contains(stack));
    for (Functions.DeployedFunction deployed : next.allFunctions()) {
      assertTrue(
          String.valueOf(WorkflowStackTest.environment(next, deployed).get(FIXTURE.arnVariable()))
              .contains(":stateMachine:dermrelay-dev-fixture-reminders"),
          deployed.handlerClass());
    }
    String dashboard = next.api.findResources("AWS::CloudWatch::Dashboard").toString();
    assertTrue(dashboard.contains("\"title\":\"Failures: fixture-reminders workflow\""), dashboard);
    assertTrue(
        dashboard.contains("\"title\":\"Lambda errors: workflow-fixture-reminders\""), dashboard);
  }

  @Test
  void theFirstWorkflowStackKeepsEveryResourceAndItsStateMachines() {
    // Moving a state machine would end its running executions: a new workflow must leave -workflow
    // alone.
    assertEquals(logicalIds(before.workflow), logicalIds(next.workflow));
    assertEquals(
        before.workflow.findResources("AWS::StepFunctions::StateMachine").toString(),
        next.workflow.findResources("AWS::StepFunctions::StateMachine").toString());
  }

  @Test
  void untilItsTaskHandlersAreBuiltItHasNoStackAndTheFirstWorkflowStackWarns() {
    List<WorkflowTasks> workflows =
        Stream.concat(WorkflowTasks.ALL.stream(), Stream.of(FIXTURE)).toList();
    RegionStacks stacks =
        DermRelayApp.compose(
                new App(DermRelayApp.appProps(Map.of(), Map.of(), null)),
                Map.of(),
                SourcePaths.locate(),
                workflows)
            .get(0);
    assertTrue(stacks.workflows().stream().noneMatch(s -> s.getStackName().equals(STACK)));
    String warnings =
        stacks.workflow().getNode().getMetadata().stream()
            .filter(entry -> entry.getType().equals("aws:cdk:warning"))
            .map(entry -> String.valueOf(entry.getData()))
            .collect(Collectors.joining("\n"));
    assertTrue(warnings.contains("The fixture-reminders workflow is not deployed"), warnings);
    FIXTURE
        .handlers()
        .values()
        .forEach(handler -> assertTrue(warnings.contains(handler), warnings));
    assertFalse(
        WorkflowStack.toldOf(workflows, stacks.workflow().deployed()).contains(FIXTURE),
        "no function is told of a workflow that does not exist");
  }

  private static WorkflowStack workflowStack(SynthesizedStage stage) {
    return stage.stacks.workflows().stream()
        .filter(s -> s.getStackName().equals(STACK))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stack " + STACK));
  }

  /** Every resource's logical id but the functions' versions, whose ids follow the jar's digest. */
  private static Set<String> logicalIds(Template template) {
    return ((Map<?, ?>) template.toJSON().get("Resources"))
        .entrySet().stream()
            .filter(e -> !"AWS::Lambda::Version".equals(((Map<?, ?>) e.getValue()).get("Type")))
            .map(e -> String.valueOf(e.getKey()))
            .collect(Collectors.toSet());
  }
}
