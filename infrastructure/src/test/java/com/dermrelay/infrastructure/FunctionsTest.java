package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FunctionsTest {

  private static final String FUNCTION = "AWS::Lambda::Function";

  private final SynthesizedStage dev = SynthesizedStage.dev();

  @Test
  void oneFunctionPerHandlerOfTheContractInItsCapabilitysStack() {
    List<String> handlers = ApiSpec.load(SourcePaths.locate().openApiSpec()).handlers();
    // The workflows' task functions are in the workflow stack (WorkflowStateMachineTest).
    List<String> deployed =
        dev.apiFunctions().stream().map(Functions.DeployedFunction::handlerClass).toList();
    assertEquals(handlers.size(), deployed.size());
    assertEquals(java.util.Set.copyOf(handlers), java.util.Set.copyOf(deployed));
    for (String handler : handlers) {
      Template template =
          dev.templateOf(dev.stacks.operationsOf(ApiOperation.capabilityOf(handler)));
      template.hasResourceProperties(
          FUNCTION,
          Map.of(
              "Handler",
              handler + "::handleRequest",
              "FunctionName",
              "dermrelay-dev-" + Functions.simpleName(handler)));
    }
  }

  @Test
  void apiFunctionsAreNamedAfterTheirHandlerClassWithinLambdasLimit() {
    assertEquals(
        "dermrelay-dev-GetWorklistHandler",
        Functions.functionName("dermrelay-dev", "com.dermrelay.review.GetWorklistHandler"));
    String prefix = "dermrelay-" + "s".repeat(20);
    String longName =
        Functions.functionName(
            prefix, "com.dermrelay.surveillance.ListSurveillanceRemindersOfAPatientHandler");
    assertEquals(Functions.MAX_NAME_LENGTH, longName.length(), longName);
    assertTrue(longName.matches(prefix + "-ListSurveillanceReminder-[0-9a-f]{8}"), longName);
    assertTrue(
        !longName.equals(
            Functions.functionName(
                prefix, "com.dermrelay.surveillance.ListSurveillanceRemindersOfAClinicHandler")),
        "cut names stay apart");
    // Task functions keep generated names: running executions hold their aliases' ARNs.
    dev.taskFunctions().forEach(d -> assertTrue(d.name().isEmpty(), d.handlerClass()));
  }

  @Test
  void everyFunctionRunsJava21OnArm64WithSnapStartAndTracing() {
    SynthesizedStage complete = SynthesizedStage.withWorkflow();
    List<Template> templates = new java.util.ArrayList<>();
    for (SynthesizedStage stage : List.of(dev, complete)) {
      templates.add(stage.workflow);
      stage.stacks.operations().forEach(operations -> templates.add(stage.templateOf(operations)));
    }
    for (Template template : templates) {
      template.allResourcesProperties(
          FUNCTION,
          Map.of(
              "Runtime", "java21",
              "Architectures", List.of("arm64"),
              "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
              "TracingConfig", Map.of("Mode", "Active")));
      // 15 s, except the FHIR functions, which wait on a clinic's EHR within their own timeouts.
      template
          .findResources(FUNCTION)
          .values()
          .forEach(
              function -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties =
                    (Map<String, Object>) ((Map<String, Object>) function).get("Properties");
                String handler = String.valueOf(properties.get("Handler"));
                int expected = DeploymentJars.isFhirHandler(handler) ? 75 : 15;
                assertEquals(expected, ((Number) properties.get("Timeout")).intValue(), handler);
              });
    }
  }

  @Test
  void memoryFollowsTheHandlersProfile() {
    dev.templateOf(dev.stacks.operationsOf("health"))
        .hasResourceProperties(
            FUNCTION,
            Map.of(
                "Handler", "com.dermrelay.health.HealthHandler::handleRequest", "MemorySize", 512));
    assertEquals(
        FunctionProfile.DEFAULT_MEMORY_MB,
        FunctionProfile.forHandler("com.dermrelay.intake.New").memoryMb());
  }

  @Test
  void everyFunctionHasALiveAliasOnAPublishedVersion() {
    List<Template> templates = new java.util.ArrayList<>(List.of(dev.workflow));
    dev.stacks.operations().forEach(operations -> templates.add(dev.templateOf(operations)));
    for (Template template : templates) {
      int functions = template.findResources(FUNCTION).size();
      template.resourceCountIs("AWS::Lambda::Version", functions);
      template.resourceCountIs("AWS::Lambda::Alias", functions);
      template.allResourcesProperties(
          "AWS::Lambda::Alias",
          Map.of(
              "Name",
              Functions.ALIAS,
              "FunctionVersion",
              Map.of(
                  "Fn::GetAtt", List.of(Match.stringLikeRegexp(".*CurrentVersion.*"), "Version"))));
    }
  }

  @Test
  void onlyFunctionsThatMayAssumeTheTenantRoleAreToldItsArn() {
    // With the workflow's tasks, which are the functions that use tenant sessions today.
    SynthesizedStage stage = SynthesizedStage.withWorkflow();
    int told = 0;
    for (Functions.DeployedFunction deployed : WorkflowStackTest.allFunctions(stage)) {
      Map<?, ?> env = WorkflowStackTest.environment(stage, deployed);
      boolean hasArn = env.containsKey(Functions.ENV_TENANT_ROLE_ARN);
      assertEquals(
          deployed.profile().has(FunctionProfile.Access.TENANT_SESSION),
          hasArn,
          deployed.handlerClass()
              + ": the data layer assumes the tenant role exactly when the variable is set");
      told += hasArn ? 1 : 0;
    }
    assertTrue(told > 0, "some function uses tenant sessions");
  }

  @Test
  void apiFunctionsActingForAClinicReachItsDataOnlyThroughItsSession() {
    // On their own role, besides: the health probes, sign-up (no clinic yet; rate counters per
    // address and e-mail), and nothing or the directory for the rest.
    List<String> ownRoleTable = List.of("com.dermrelay.tenants.SignUpClinicHandler");
    int onSessions = 0;
    for (Functions.DeployedFunction deployed : dev.apiFunctions()) {
      FunctionProfile profile = deployed.profile();
      String handler = deployed.handlerClass();
      for (FunctionProfile.Access grant :
          List.of(
              FunctionProfile.Access.MEDIA_READ,
              FunctionProfile.Access.MEDIA_WRITE,
              FunctionProfile.Access.MEDIA_DELETE,
              FunctionProfile.Access.MEDIA_TAG)) {
        assertTrue(!profile.has(grant), handler + " has " + grant + " on its own role");
      }
      if (!ownRoleTable.contains(handler)) {
        assertTrue(
            !profile.has(FunctionProfile.Access.TABLE_READ)
                && !profile.has(FunctionProfile.Access.TABLE_WRITE),
            handler + " reads or writes the table on its own role");
      }
      onSessions += profile.has(FunctionProfile.Access.TENANT_SESSION) ? 1 : 0;
    }
    assertTrue(
        onSessions >= 30, "the clinic-scoped API functions use tenant sessions: " + onSessions);

    // What that means in the template: the review's photo links and reads come from the session.
    Functions.DeployedFunction review =
        dev.function("com.dermrelay.review.GetCaseForReviewHandler");
    String policies = ownPolicies(review);
    assertTrue(
        policies.contains("sts:AssumeRole") && policies.contains("sts:TagSession"), policies);
    assertTrue(
        policies.contains("\"dynamodb:GetItem\"") && policies.contains("/index/gsi2"), policies);
    // BatchGetItem beside GetItem on the directory (the worklist reads every membership in one
    // batch): by exact key, the same items GetItem reaches, nothing a query or scan would.
    for (String absent :
        List.of("s3:", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:UpdateItem")) {
      assertTrue(
          !policies.contains(absent),
          "own role of GetCaseForReview grants " + absent + ": " + policies);
    }
  }

  /** The statements of every IAM policy attached to the function's own role, as JSON text. */
  private String ownPolicies(Functions.DeployedFunction deployed) {
    Map<String, Object> ref = dev.refTo(deployed.role());
    return dev.templateOf(deployed.role()).findResources("AWS::IAM::Policy").values().stream()
        .map(policy -> (Map<?, ?>) ((Map<?, ?>) policy).get("Properties"))
        .filter(properties -> ((List<?>) properties.get("Roles")).contains(ref))
        .map(
            properties ->
                String.valueOf(
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .valueToTree(properties.get("PolicyDocument"))))
        .reduce("", String::concat);
  }

  @Test
  void theEnvironmentCarriesTheStagesResources() {
    Functions.DeployedFunction health = dev.function("com.dermrelay.health.HealthHandler");
    dev.assertProperties(
        health.function(),
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(
                    Map.of(
                        Functions.ENV_TABLE, Match.anyValue(),
                        Functions.ENV_MEDIA_BUCKET, Match.anyValue(),
                        Functions.ENV_CASE_WORKFLOW_ARN,
                            Map.of(
                                "Fn::Join",
                                List.of(
                                    "",
                                    Match.arrayWith(List.of(":stateMachine:dermrelay-dev-case")))),
                        Functions.ENV_VERSION, Match.stringLikeRegexp("jar-[0-9a-f]{12}"),
                        Functions.ENV_SERVICE_NAME, "dermrelay",
                        Functions.ENV_USER_POOL_ID, Match.anyValue(),
                        Functions.ENV_PORTAL_CLIENT_ID, Match.anyValue(),
                        Functions.ENV_PORTAL_URL, "http://localhost:8080")))));
  }

  @Test
  void invitationsLinkToThePortalAndMailComesFromTheStagesDomain() {
    SynthesizedStage prod = SynthesizedStage.prod();
    Functions.DeployedFunction invite =
        prod.function("com.dermrelay.tenants.InviteDermatologistHandler");
    prod.assertProperties(
        invite.function(),
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(
                    Map.of(
                        Functions.ENV_PORTAL_URL,
                        SynthesizedStage.PROD_ORIGIN_1,
                        Functions.ENV_MAIL_FROM,
                        "no-reply@" + SynthesizedStage.PROD_SENDER_DOMAIN)))));
  }

  @Test
  void everyFunctionLogsToItsOwnEncryptedLogGroupWithRetention() {
    // The API's access logs in its stack, one per function in each capability's stack, all with the
    // API stack's operations key (imported: that stack is below them); one per function and per
    // state
    // machine in the workflow stack.
    dev.api.resourceCountIs("AWS::Logs::LogGroup", 1);
    dev.api.allResourcesProperties(
        "AWS::Logs::LogGroup",
        Map.of(
            "RetentionInDays", 365, "KmsKeyId", dev.arnOf(dev.stacks.api().operationsKey().key())));
    for (ApiFunctionsStack operations : dev.stacks.operations()) {
      Template template = dev.templateOf(operations);
      template.resourceCountIs("AWS::Logs::LogGroup", template.findResources(FUNCTION).size());
      template.allResourcesProperties(
          "AWS::Logs::LogGroup",
          Map.of(
              "RetentionInDays",
              365,
              "KmsKeyId",
              Map.of(
                  "Fn::ImportValue",
                  Match.stringLikeRegexp("dermrelay-dev-api:.*OperationsKey.*"))));
    }
    dev.workflow.resourceCountIs(
        "AWS::Logs::LogGroup",
        dev.workflow.findResources(FUNCTION).size()
            + dev.workflow.findResources("AWS::StepFunctions::StateMachine").size());
    dev.workflow.allResourcesProperties(
        "AWS::Logs::LogGroup",
        Map.of("RetentionInDays", 365, "KmsKeyId", dev.arnOf(dev.stacks.workflow().logKey())));
  }

  @Test
  void everyFunctionHasItsOwnRoleAndTheHealthCheckOnlyProbes() {
    List<Functions.DeployedFunction> all = dev.allFunctions();
    assertEquals(
        all.size(), all.stream().map(d -> d.role().getNode().getPath()).distinct().count());
    Functions.DeployedFunction health = dev.function("com.dermrelay.health.HealthHandler");
    Template healthStack = dev.templateOf(health.function());
    String policy = healthStack.toJSON().get("Resources").toString();
    assertTrue(policy.contains("HealthProbes"), "health probe statement");
    healthStack.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "Roles", List.of(dev.refTo(health.role())),
            "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Sid",
                                    "HealthProbes",
                                    "Action",
                                    "dynamodb:DescribeTable")))))));
    // No data access at all: neither item reads or writes nor object reads.
    healthStack.hasResourceProperties(
        "AWS::IAM::Policy",
        Map.of(
            "Roles", List.of(dev.refTo(health.role())),
            "PolicyDocument",
                Map.of(
                    "Statement",
                    Match.not(
                        Match.arrayWith(
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "Action",
                                        Match.arrayWith(List.of("dynamodb:GetItem"))))))))));
  }

  @Test
  void submissionUntagsCasePhotosOnTheClinicsSessionNotWithItsOwnRole() {
    // The untagging runs on the tenant session (its policy allows s3:PutObjectTagging under the
    // clinic's prefix, TenantScopedAccessPolicyTest); the function's own role has no s3 action.
    Functions.DeployedFunction submit = dev.function("com.dermrelay.intake.SubmitCaseHandler");
    assertTrue(submit.profile().has(FunctionProfile.Access.TENANT_SESSION));
    String policies = ownPolicies(submit);
    assertTrue(policies.contains("states:StartExecution"), policies);
    assertTrue(!policies.contains("s3:"), policies);
  }

  @Test
  void aMissingFunctionsJarFailsSynthesisTellingToBuildTheFunctions(@TempDir Path dir) {
    SourcePaths paths =
        new SourcePaths(SourcePaths.locate().openApiSpec(), dir.resolve("dermrelay-functions.jar"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                DermRelayApp.compose(
                    new App(DermRelayApp.appProps(Map.of(), Map.of(), null)), Map.of(), paths));
    assertTrue(e.getMessage().contains("Build the functions first"), e.getMessage());
  }
}
