package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The split of a region's compute: the workflows below, the API on top. */
class WorkflowStackTest {

  /**
   * CloudFormation's hard limit is 500 per stack; each route's function costs about 10, a task's 7.
   * The API stack (44 operations) is at 451: this leaves about two routes before the next
   * operation must come with a split of the API's functions into a stack of their own.
   */
  static final int RESOURCE_BUDGET = 480;

  private final SynthesizedStage dev = SynthesizedStage.dev();
  private final SynthesizedStage complete = SynthesizedStage.withWorkflow();

  @Test
  void everyStackLeavesRoomUnderCloudFormationsResourceLimit() {
    List<String> counts = new ArrayList<>();
    for (SynthesizedStage stage : List.of(dev, SynthesizedStage.prod(), complete)) {
      for (RegionStacks region : stage.regions) {
        for (Stack stack : region.stacks()) {
          int resources = ((Map<?, ?>) Template.fromStack(stack).toJSON().get("Resources")).size();
          counts.add(stack.getStackName() + "=" + resources);
          assertTrue(resources < RESOURCE_BUDGET, stack.getStackName() + " holds " + resources + " resources");
        }
      }
    }
    System.out.println("Resources per stack (dev, prod, with every handler): " + counts);
  }

  @Test
  void theApiStackDependsOnTheWorkflowStackNeverTheReverse() {
    for (SynthesizedStage stage : List.of(dev, complete)) {
      assertTrue(stage.stacks.api().getDependencies().contains(stage.stacks.workflow()));
      assertFalse(stage.stacks.workflow().getDependencies().contains(stage.stacks.api()));
      assertFalse(stage.workflow.toJSON().toString().contains("dermrelay-dev-api"),
          "the workflow stack imports nothing of the API stack");
    }
    assertEquals(List.of("data", "identity", "workflow", "api", "portal"), dev.stacks.stacks().stream()
        .map(s -> s.getStackName().substring("dermrelay-dev-".length())).toList(), "deployment order");
  }

  @Test
  void theStateMachinesAndTaskFunctionsLiveOnlyInTheWorkflowStack() {
    complete.api.resourceCountIs("AWS::StepFunctions::StateMachine", 0);
    complete.workflow.resourceCountIs("AWS::StepFunctions::StateMachine", 2);
    List<String> handlers = ApiSpec.load(complete.sources.openApiSpec()).handlers();
    assertTrue(SynthesizedStage.FHIR_OPERATIONS.stream().allMatch(op -> handlers.contains(op.get(3))));
    complete.api.resourceCountIs("AWS::Lambda::Function", handlers.size());
  }

  @Test
  void everyFunctionIsToldTheCaseWorkflowAndTheEhrWorkflowOnlyWhereItIsDeployed() {
    String caseArn = ":stateMachine:dermrelay-dev-case";
    String ehrArn = ":stateMachine:dermrelay-dev-ehr-delivery";
    for (Functions.DeployedFunction deployed : allFunctions(complete)) {
      Map<?, ?> env = environment(complete, deployed);
      assertTrue(String.valueOf(env.get(Functions.ENV_CASE_WORKFLOW_ARN)).contains(caseArn), deployed.handlerClass());
      assertTrue(String.valueOf(env.get(Functions.ENV_EHR_WORKFLOW_ARN)).contains(ehrArn), deployed.handlerClass());
    }
    // While the repository's jars hold no EHR delivery tasks, no function is told of a workflow
    // that does not exist.
    boolean ehrDeployed = dev.stacks.workflow().stateMachine(WorkflowTasks.EHR_DELIVERY).isPresent();
    for (Functions.DeployedFunction deployed : allFunctions(dev)) {
      Map<?, ?> env = environment(dev, deployed);
      assertTrue(String.valueOf(env.get(Functions.ENV_CASE_WORKFLOW_ARN)).contains(caseArn), deployed.handlerClass());
      assertEquals(ehrDeployed, env.containsKey(Functions.ENV_EHR_WORKFLOW_ARN), deployed.handlerClass());
    }
  }

  @Test
  void onlyDeliverAnswerMayStartAnEhrDeliveryAndOnlyThatOne() {
    List<String> starters = new ArrayList<>();
    for (Functions.DeployedFunction deployed : allFunctions(complete)) {
      String policy = policyOf(complete, deployed);
      if (policy.contains("StartEhrDelivery")) {
        starters.add(Functions.simpleName(deployed.handlerClass()));
        templateOf(complete, deployed).hasResourceProperties("AWS::IAM::Policy", Map.of(
            "Roles", List.of(complete.refTo(deployed.role())),
            "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Sid", "StartEhrDelivery", "Action", "states:StartExecution",
                "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                    ":stateMachine:dermrelay-dev-ehr-delivery")))))))))));
      }
    }
    assertEquals(List.of("DeliverAnswerTaskHandler"), starters);
  }

  @Test
  void callbacksAndStartsOfTheCaseWorkflowAreScopedToItsArnInBothStacks() {
    Functions.DeployedFunction claim = complete.stacks.api().functions().forHandler("com.dermrelay.review.ClaimCaseHandler");
    Functions.DeployedFunction await = complete.stacks.workflow().functions()
        .forHandler(WorkflowTasks.CASE.handlerOf("AwaitPhotoChecks"));
    for (Functions.DeployedFunction deployed : List.of(claim, await)) {
      templateOf(complete, deployed).hasResourceProperties("AWS::IAM::Policy", Map.of(
          "Roles", List.of(complete.refTo(deployed.role())),
          "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
              "Sid", "CaseWorkflowCallback",
              "Action", List.of("states:SendTaskSuccess", "states:SendTaskHeartbeat"),
              "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                  ":stateMachine:dermrelay-dev-case")))))))))));
    }
  }

  @Test
  void eachComputeStacksFunctionsAssumeTheirOwnStacksTenantRole() {
    TenantDataAccess access = complete.stacks.workflow().tenantAccess();
    assertTrue(access != null, "the task functions use tenant sessions");
    for (Functions.DeployedFunction deployed : complete.stacks.workflow().functions().all()) {
      assertEquals(deployed.profile().has(FunctionProfile.Access.TENANT_SESSION) ? complete.arnOf(access.role()) : null,
          environment(complete, deployed).get(Functions.ENV_TENANT_ROLE_ARN), deployed.handlerClass());
    }
    // The API's clinic-scoped functions (FunctionProfile.forClinic), FHIR operations included, use
    // the API stack's role (one tenant data role per compute stack, decision 0016).
    for (SynthesizedStage stage : List.of(dev, complete)) {
      TenantDataAccess api = stage.stacks.api().tenantAccess();
      assertTrue(api != null, "API functions use tenant sessions");
      for (Functions.DeployedFunction deployed : stage.stacks.api().functions().all()) {
        assertEquals(deployed.profile().has(FunctionProfile.Access.TENANT_SESSION) ? stage.arnOf(api.role()) : null,
            environment(stage, deployed).get(Functions.ENV_TENANT_ROLE_ARN), deployed.handlerClass());
      }
    }
  }

  static List<Functions.DeployedFunction> allFunctions(SynthesizedStage stage) {
    List<Functions.DeployedFunction> all = new ArrayList<>(stage.stacks.api().functions().all());
    all.addAll(stage.stacks.workflow().functions().all());
    return all;
  }

  static Template templateOf(SynthesizedStage stage, Functions.DeployedFunction deployed) {
    return stage.templateOf(deployed.function());
  }

  static Map<?, ?> environment(SynthesizedStage stage, Functions.DeployedFunction deployed) {
    Map<?, ?> resources = (Map<?, ?>) templateOf(stage, deployed).toJSON().get("Resources");
    Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) resources.get(stage.logicalId(deployed.function())))
        .get("Properties");
    return (Map<?, ?>) ((Map<?, ?>) properties.get("Environment")).get("Variables");
  }

  /** The text of every policy attached to the function's role. */
  static String policyOf(SynthesizedStage stage, Functions.DeployedFunction deployed) {
    return templateOf(stage, deployed).findResources("AWS::IAM::Policy",
        Map.of("Properties", Map.of("Roles", List.of(stage.refTo(deployed.role()))))).toString();
  }
}
