package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The FHIR handlers of issue 8: their jar, memory, and access to EHR credentials. */
class FhirFunctionsTest {

  private static final Set<String> CREDENTIAL_USERS =
      Set.of(
          "com.dermrelay.fhir.delivery.PutEhrCredentialsHandler",
          "com.dermrelay.fhir.workflow.SendToEhrTaskHandler",
          "com.dermrelay.fhir.api.ResendToEhrHandler");

  private final SynthesizedStage complete = SynthesizedStage.withWorkflow();

  @Test
  void
      fhirHandlersDeployFromTheFhirJarTheLettersFromTheLettersJarAndEveryOtherFromTheFunctionsJar() {
    Map<String, Set<Object>> keys =
        WorkflowStackTest.allFunctions(complete).stream()
            .collect(
                Collectors.groupingBy(
                    d ->
                        DeploymentJars.isFhirHandler(d.handlerClass())
                            ? "fhir"
                            : DeploymentJars.isLettersHandler(d.handlerClass())
                                ? "letters"
                                : "functions",
                    Collectors.mapping(this::s3Key, Collectors.toSet())));
    assertEquals(
        1, keys.get("fhir").size(), "one asset for the FHIR functions: " + keys.get("fhir"));
    assertEquals(
        1,
        keys.get("letters").size(),
        "one asset for the letters (decision 0022): " + keys.get("letters"));
    assertEquals(
        1, keys.get("functions").size(), "one asset for the others: " + keys.get("functions"));
    assertEquals(3, new java.util.HashSet<>(keys.values()).size(), "three different jars: " + keys);
    long fhir =
        WorkflowStackTest.allFunctions(complete).stream()
            .filter(d -> DeploymentJars.isFhirHandler(d.handlerClass()))
            .count();
    long fhirRoutes =
        ApiSpec.load(complete.sources.openApiSpec()).handlers().stream()
            .filter(DeploymentJars::isFhirHandler)
            .count();
    assertEquals(fhirRoutes + WorkflowTasks.EHR_DELIVERY.tasks().size(), fhir);
  }

  @Test
  void fhirFunctionsGet1024MbAndSnapStartLikeTheOthers() {
    for (Functions.DeployedFunction deployed : WorkflowStackTest.allFunctions(complete)) {
      if (DeploymentJars.isFhirHandler(deployed.handlerClass())) {
        complete.assertProperties(
            deployed.function(),
            Map.of(
                "MemorySize",
                1024,
                "SnapStart",
                Map.of("ApplyOn", "PublishedVersions"),
                "Runtime",
                "java21"));
      }
    }
    FunctionProfile.FHIR.forEach(
        (handler, profile) -> assertEquals(1024, profile.memoryMb(), handler));
  }

  @Test
  void onlyTheCredentialsOperationAndTheSendTaskReachTheStagesTenantSecrets() {
    List<String> users = new ArrayList<>();
    for (Functions.DeployedFunction deployed : WorkflowStackTest.allFunctions(complete)) {
      if (!WorkflowStackTest.policyOf(complete, deployed)
          .contains("secretsmanager:PutSecretValue")) {
        assertFalse(
            WorkflowStackTest.environment(complete, deployed)
                .containsKey(Functions.ENV_EHR_SECRET_PREFIX));
        continue;
      }
      users.add(deployed.handlerClass());
      WorkflowStackTest.templateOf(complete, deployed)
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
                                          "Sid", "EhrCredentials",
                                          "Action",
                                              List.of(
                                                  "secretsmanager:GetSecretValue",
                                                  "secretsmanager:PutSecretValue",
                                                  "secretsmanager:CreateSecret",
                                                  "secretsmanager:DescribeSecret"),
                                          "Resource",
                                              Map.of(
                                                  "Fn::Join",
                                                  List.of(
                                                      "",
                                                      Match.arrayWith(
                                                          List.of(
                                                              ":secret:dermrelay/dev/tenants/*")))))),
                                  Match.objectLike(
                                      Map.of(
                                          "Sid", "EhrCredentialsKey",
                                          "Action",
                                              List.of(
                                                  "kms:Decrypt",
                                                  "kms:Encrypt",
                                                  "kms:GenerateDataKey"),
                                          "Condition",
                                              Map.of(
                                                  "StringEquals",
                                                  Map.of(
                                                      "kms:ViaService",
                                                      Map.of(
                                                          "Fn::Join",
                                                          List.of(
                                                              "",
                                                              List.of(
                                                                  "secretsmanager.",
                                                                  Map.of("Ref", "AWS::Region"),
                                                                  ".amazonaws.com"))))))))))));
      Map<?, ?> env = WorkflowStackTest.environment(complete, deployed);
      assertEquals("dermrelay/dev/tenants/", env.get(Functions.ENV_EHR_SECRET_PREFIX));
      assertTrue(
          String.valueOf(env.get(Functions.ENV_EHR_SECRET_KEY_ARN)).contains("DataKey"),
          "the stage's data key: " + env.get(Functions.ENV_EHR_SECRET_KEY_ARN));
    }
    assertEquals(CREDENTIAL_USERS, Set.copyOf(users));
  }

  /** Who builds or opens EHR media links: they alone read the stage's link key. */
  private static final Set<String> LINK_KEY_USERS =
      Set.of(
          "com.dermrelay.fhir.api.GetCaseFhirBundleHandler",
          "com.dermrelay.fhir.api.ResendToEhrHandler",
          "com.dermrelay.fhir.workflow.SendToEhrTaskHandler",
          "com.dermrelay.fhir.api.OpenEhrMediaLinkHandler");

  @Test
  void theLinkKeyIsAStageSecretThatOnlyTheLinkBuildersAndTheLinkRouteMayRead() {
    complete.template.hasResourceProperties(
        "AWS::SecretsManager::Secret",
        Map.of(
            "Name", "dermrelay/dev/ehr-link-key",
            "KmsKeyId", Match.anyValue(),
            "GenerateSecretString", Match.objectLike(Map.of("PasswordLength", 64))));
    List<String> readers = new ArrayList<>();
    for (Functions.DeployedFunction deployed : WorkflowStackTest.allFunctions(complete)) {
      if (!WorkflowStackTest.policyOf(complete, deployed).contains("ehr-link-key")) {
        assertFalse(
            WorkflowStackTest.environment(complete, deployed)
                .containsKey(EhrLinkKey.ENV_SECRET_NAME));
        continue;
      }
      readers.add(deployed.handlerClass());
      WorkflowStackTest.templateOf(complete, deployed)
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
                                          "Sid", "EhrLinkKey",
                                          // Read only: no Put, Create or Describe; the stack made
                                          // it.
                                          "Action", "secretsmanager:GetSecretValue",
                                          "Resource",
                                              Map.of(
                                                  "Fn::Join",
                                                  List.of(
                                                      "",
                                                      Match.arrayWith(
                                                          List.of(
                                                              ":secret:dermrelay/dev/ehr-link-key-??????")))))),
                                  Match.objectLike(
                                      Map.of(
                                          "Sid",
                                          "EhrLinkKeyDecrypt",
                                          "Action",
                                          "kms:Decrypt")))))));
      assertEquals(
          "dermrelay/dev/ehr-link-key",
          WorkflowStackTest.environment(complete, deployed).get(EhrLinkKey.ENV_SECRET_NAME));
    }
    assertEquals(LINK_KEY_USERS, Set.copyOf(readers));
    // The public route reads the key and the copy; it writes no photo and reaches no clinic's
    // credentials.
    FunctionProfile route =
        FunctionProfile.forHandler("com.dermrelay.fhir.api.OpenEhrMediaLinkHandler");
    assertFalse(route.has(FunctionProfile.Access.MEDIA_WRITE));
    assertFalse(route.has(FunctionProfile.Access.EHR_CREDENTIALS));
  }

  @Test
  void profilesKeyOffTheAgreedHandlerClassesWhetherOrNotTheContractNamesThemYet() {
    assertTrue(
        FunctionProfile.forHandler("com.dermrelay.fhir.delivery.PutEhrCredentialsHandler")
            .has(FunctionProfile.Access.EHR_CREDENTIALS));
    // "Send again" is one synchronous attempt: it reads the credentials and starts no execution.
    assertTrue(
        FunctionProfile.forHandler("com.dermrelay.fhir.api.ResendToEhrHandler")
            .has(FunctionProfile.Access.EHR_CREDENTIALS));
    assertFalse(
        FunctionProfile.forHandler("com.dermrelay.fhir.api.ResendToEhrHandler")
            .has(FunctionProfile.Access.EHR_WORKFLOW_START));
    // A download copies the photos for its Media links on the clinic's session (the copies stay in
    // its prefix; its own role has no media grant), but reaches no credentials.
    assertTrue(
        FunctionProfile.forHandler("com.dermrelay.fhir.api.GetCaseFhirBundleHandler")
            .has(FunctionProfile.Access.TENANT_SESSION));
    assertFalse(
        FunctionProfile.forHandler("com.dermrelay.fhir.api.GetCaseFhirBundleHandler")
            .has(FunctionProfile.Access.MEDIA_WRITE));
    assertFalse(
        FunctionProfile.forHandler("com.dermrelay.fhir.api.GetCaseFhirBundleHandler")
            .has(FunctionProfile.Access.EHR_CREDENTIALS));
    // The repository's contract and jars decide which of them deploy: FHIR functions are exactly
    // the FHIR handlers the contract names, plus EHR delivery's tasks where that workflow is built.
    SynthesizedStage dev = SynthesizedStage.dev();
    List<String> expected =
        new ArrayList<>(
            ApiSpec.load(dev.sources.openApiSpec()).handlers().stream()
                .filter(DeploymentJars::isFhirHandler)
                .toList());
    dev.stacks
        .workflow()
        .stateMachine(WorkflowTasks.EHR_DELIVERY)
        .ifPresent(m -> expected.addAll(WorkflowTasks.EHR_DELIVERY.handlers().values()));
    assertEquals(
        Set.copyOf(expected),
        WorkflowStackTest.allFunctions(dev).stream()
            .map(Functions.DeployedFunction::handlerClass)
            .filter(DeploymentJars::isFhirHandler)
            .collect(Collectors.toSet()));
  }

  private Object s3Key(Functions.DeployedFunction deployed) {
    Map<?, ?> resources =
        (Map<?, ?>) WorkflowStackTest.templateOf(complete, deployed).toJSON().get("Resources");
    Map<?, ?> properties =
        (Map<?, ?>)
            ((Map<?, ?>) resources.get(complete.logicalId(deployed.function()))).get("Properties");
    return ((Map<?, ?>) properties.get("Code")).get("S3Key");
  }
}
