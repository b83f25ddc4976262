package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The split of a region's compute: the workflows below, the API's stack above them, its
 * capabilities on top.
 */
class WorkflowStackTest {

  /**
   * CloudFormation's hard limit is 500 per stack; a route's function costs about 10 (function,
   * version, alias, role, policy, log group, error alarm, route, integration, permission), a task's
   * 7. The budget leaves room for the stacks CloudFormation itself adds to (exports, CDK metadata).
   */
  static final int RESOURCE_BUDGET = 480;

  private final SynthesizedStage dev = SynthesizedStage.dev();
  private final SynthesizedStage complete = SynthesizedStage.withWorkflow();

  @Test
  void everyStackLeavesRoomUnderCloudFormationsResourceLimit() {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    counts.put("dev", dev.resourceCounts());
    assertEquals(2, SynthesizedStage.prod().regions.size(), "prod has two regions");
    counts.put("prod, both regions", SynthesizedStage.prod().resourceCounts());
    counts.put("with every handler", complete.resourceCounts());
    counts.put(
        "with 60 more operations and a third workflow",
        SynthesizedStage.nextRound().resourceCounts());
    counts.forEach(
        (configuration, stacks) ->
            stacks.forEach(
                (stack, resources) ->
                    assertTrue(
                        resources < RESOURCE_BUDGET,
                        configuration + ": " + stack + " holds " + resources + " resources")));
    System.out.println("Resources per stack: " + counts);
  }

  @Test
  void theApiStacksDependOnTheWorkflowStacksNeverTheReverse() {
    for (SynthesizedStage stage : List.of(dev, complete, SynthesizedStage.nextRound())) {
      RegionStacks stacks = stage.stacks;
      for (WorkflowStack workflow : stacks.workflows()) {
        assertTrue(stacks.api().getDependencies().contains(workflow), workflow.getStackName());
        assertFalse(workflow.getDependencies().contains(stacks.api()));
        String template = stage.templateOf(workflow).toJSON().toString();
        assertFalse(
            template.contains("dermrelay-dev-api"),
            "a workflow stack imports nothing of the API's stacks");
      }
      for (ApiFunctionsStack operations : stacks.operations()) {
        assertTrue(operations.getDependencies().contains(stacks.api()), operations.getStackName());
      }
    }
    assertEquals(
        List.of("data", "identity", "workflow", "api"),
        dev.stacks.stacks().stream()
            .map(s -> s.getStackName().substring("dermrelay-dev-".length()))
            .limit(4)
            .toList(),
        "deployment order");
    List<String> parts =
        dev.stacks.stacks().stream()
            .map(s -> s.getStackName().substring("dermrelay-dev-".length()))
            .toList();
    assertEquals("portal", parts.get(parts.size() - 1));
    assertTrue(
        parts.subList(4, parts.size() - 1).stream().allMatch(part -> part.startsWith("api-")),
        parts.toString());
  }

  @Test
  void theStateMachinesAndTaskFunctionsLiveOnlyInTheWorkflowStack() {
    complete.api.resourceCountIs("AWS::StepFunctions::StateMachine", 0);
    complete.workflow.resourceCountIs("AWS::StepFunctions::StateMachine", 4);
    assertEquals(
        List.of(complete.stacks.workflow()),
        complete.stacks.workflows(),
        "the case, EHR delivery, research export and second-read workflows share the first"
            + " workflow stack");
    List<String> handlers = ApiSpec.load(complete.sources.openApiSpec()).handlers();
    assertTrue(
        SynthesizedStage.FHIR_OPERATIONS.stream().allMatch(op -> handlers.contains(op.get(3))));
    complete.api.resourceCountIs("AWS::Lambda::Function", 0);
    assertEquals(
        handlers.size(),
        complete.stacks.operations().stream()
            .mapToInt(
                stack -> complete.templateOf(stack).findResources("AWS::Lambda::Function").size())
            .sum());
    for (ApiFunctionsStack operations : complete.stacks.operations()) {
      complete.templateOf(operations).resourceCountIs("AWS::StepFunctions::StateMachine", 0);
    }
  }

  @Test
  void everyFunctionIsToldTheCaseWorkflowAndTheEhrWorkflowOnlyWhereItIsDeployed() {
    String caseArn = ":stateMachine:dermrelay-dev-case";
    String ehrArn = ":stateMachine:dermrelay-dev-ehr-delivery";
    for (Functions.DeployedFunction deployed : complete.allFunctions()) {
      Map<?, ?> env = environment(complete, deployed);
      assertTrue(
          String.valueOf(env.get(Functions.ENV_CASE_WORKFLOW_ARN)).contains(caseArn),
          deployed.handlerClass());
      assertTrue(
          String.valueOf(env.get(Functions.ENV_EHR_WORKFLOW_ARN)).contains(ehrArn),
          deployed.handlerClass());
    }
    // While the repository's jars hold no EHR delivery tasks, no function is told of a workflow
    // that does not exist.
    boolean ehrDeployed =
        dev.stacks.workflow().stateMachine(WorkflowTasks.EHR_DELIVERY).isPresent();
    for (Functions.DeployedFunction deployed : dev.allFunctions()) {
      Map<?, ?> env = environment(dev, deployed);
      assertTrue(
          String.valueOf(env.get(Functions.ENV_CASE_WORKFLOW_ARN)).contains(caseArn),
          deployed.handlerClass());
      assertEquals(
          ehrDeployed, env.containsKey(Functions.ENV_EHR_WORKFLOW_ARN), deployed.handlerClass());
    }
  }

  @Test
  void onlyDeliverAnswerMayStartAnEhrDeliveryAndOnlyThatOne() {
    List<String> starters = new ArrayList<>();
    for (Functions.DeployedFunction deployed : complete.allFunctions()) {
      String policy = policyOf(complete, deployed);
      if (policy.contains("StartEhrDelivery")) {
        starters.add(Functions.simpleName(deployed.handlerClass()));
        templateOf(complete, deployed)
            .hasResourceProperties(
                "AWS::IAM::Policy",
                Map.of(
                    "Roles", List.of(complete.refTo(deployed.role())),
                    "PolicyDocument",
                        Map.of(
                            "Statement",
                            Match.arrayWith(
                                List.of(
                                    Match.objectLike(
                                        Map.of(
                                            "Sid",
                                            "StartEhrDelivery",
                                            "Action",
                                            "states:StartExecution",
                                            "Resource",
                                            Map.of(
                                                "Fn::Join",
                                                List.of(
                                                    "",
                                                    Match.arrayWith(
                                                        List.of(
                                                            ":stateMachine:dermrelay-dev-ehr-delivery")))))))))));
      }
    }
    assertEquals(List.of("DeliverAnswerTaskHandler"), starters);
  }

  @Test
  void callbacksAndStartsOfTheCaseWorkflowAreScopedToItsArnInBothStacks() {
    Functions.DeployedFunction claim = complete.function("com.dermrelay.review.ClaimCaseHandler");
    Functions.DeployedFunction await =
        complete
            .stacks
            .workflow()
            .functions()
            .forHandler(WorkflowTasks.CASE.handlerOf("AwaitPhotoChecks"));
    for (Functions.DeployedFunction deployed : List.of(claim, await)) {
      templateOf(complete, deployed)
          .hasResourceProperties(
              "AWS::IAM::Policy",
              Map.of(
                  "Roles", List.of(complete.refTo(deployed.role())),
                  "PolicyDocument",
                      Map.of(
                          "Statement",
                          Match.arrayWith(
                              List.of(
                                  Match.objectLike(
                                      Map.of(
                                          "Sid", "CaseWorkflowCallback",
                                          "Action",
                                              List.of(
                                                  "states:SendTaskSuccess",
                                                  "states:SendTaskHeartbeat"),
                                          "Resource",
                                              Map.of(
                                                  "Fn::Join",
                                                  List.of(
                                                      "",
                                                      Match.arrayWith(
                                                          List.of(
                                                              ":stateMachine:dermrelay-dev-case")))))))))));
    }
  }

  @Test
  void eachComputeStacksFunctionsAssumeTheirOwnStacksTenantRole() {
    TenantDataAccess access = complete.stacks.workflow().tenantAccess();
    assertTrue(access != null, "the task functions use tenant sessions");
    for (Functions.DeployedFunction deployed : complete.stacks.workflow().functions().all()) {
      assertEquals(
          deployed.profile().has(FunctionProfile.Access.TENANT_SESSION)
              ? complete.arnOf(access.role())
              : null,
          environment(complete, deployed).get(Functions.ENV_TENANT_ROLE_ARN),
          deployed.handlerClass());
    }
    // The API's clinic-scoped functions (FunctionProfile.forClinic), FHIR operations included, use
    // their capability stack's role (one tenant data role per compute stack, decision 0016).
    for (SynthesizedStage stage : List.of(dev, complete)) {
      int onSessions = 0;
      for (ApiFunctionsStack operations : stage.stacks.operations()) {
        TenantDataAccess role = operations.tenantAccess();
        for (Functions.DeployedFunction deployed : operations.functions().all()) {
          boolean session = deployed.profile().has(FunctionProfile.Access.TENANT_SESSION);
          assertEquals(
              session ? stage.arnOf(role.role()) : null,
              environment(stage, deployed).get(Functions.ENV_TENANT_ROLE_ARN),
              deployed.handlerClass());
          onSessions += session ? 1 : 0;
        }
        assertEquals(
            role != null,
            operations.functions().all().stream()
                .anyMatch(d -> d.profile().has(FunctionProfile.Access.TENANT_SESSION)),
            operations.getStackName());
      }
      assertTrue(onSessions >= 30, "API functions use tenant sessions: " + onSessions);
    }
  }

  /**
   * The reconciler (decision 0024) runs every 15 minutes in the case workflow's stack, and may
   * describe that workflow's executions and start them, on no other state machine.
   */
  @Test
  void theReconcilerRunsOnAScheduleWithItsOwnNarrowGrants() {
    WorkflowStack shared = complete.stacks.workflows().get(0);
    assertTrue(shared.deployed().contains(WorkflowTasks.CASE));
    Functions.DeployedFunction reconciler =
        shared.functions().forHandler(FunctionProfile.RECONCILER_HANDLER);
    assertEquals(Functions.Caller.SCHEDULE, reconciler.caller());
    Template template = complete.templateOf(shared);
    Map<String, Map<String, Object>> rules =
        template.findResources(
            "AWS::Events::Rule",
            Map.of("Properties", Map.of("ScheduleExpression", "rate(15 minutes)")));
    assertEquals(1, rules.size(), "one schedule");
    String rule = rules.toString();
    assertTrue(rule.contains(complete.logicalId(reconciler.alias())), rule);

    String policy = policyOf(complete, reconciler);
    assertTrue(policy.contains("states:DescribeExecution"), policy);
    assertTrue(policy.contains(":execution:dermrelay-"), policy);
    assertTrue(policy.contains("states:StartExecution"), policy);
    assertFalse(policy.contains("states:SendTaskSuccess"), "it ends no wait itself");
    assertFalse(policy.contains("dynamodb:PutItem"), "tenant data only through its session");
    for (WorkflowStack other :
        complete.stacks.workflows().subList(1, complete.stacks.workflows().size())) {
      assertTrue(
          complete.templateOf(other).findResources("AWS::Events::Rule").isEmpty(),
          other.getStackName());
    }
  }

  static List<Functions.DeployedFunction> allFunctions(SynthesizedStage stage) {
    return stage.allFunctions();
  }

  static Template templateOf(SynthesizedStage stage, Functions.DeployedFunction deployed) {
    return stage.templateOf(deployed.function());
  }

  static Map<?, ?> environment(SynthesizedStage stage, Functions.DeployedFunction deployed) {
    Map<?, ?> resources = (Map<?, ?>) templateOf(stage, deployed).toJSON().get("Resources");
    Map<?, ?> properties =
        (Map<?, ?>)
            ((Map<?, ?>) resources.get(stage.logicalId(deployed.function()))).get("Properties");
    return (Map<?, ?>) ((Map<?, ?>) properties.get("Environment")).get("Variables");
  }

  /** The text of every policy attached to the function's role. */
  static String policyOf(SynthesizedStage stage, Functions.DeployedFunction deployed) {
    return templateOf(stage, deployed)
        .findResources(
            "AWS::IAM::Policy",
            Map.of("Properties", Map.of("Roles", List.of(stage.refTo(deployed.role())))))
        .toString();
  }
}
