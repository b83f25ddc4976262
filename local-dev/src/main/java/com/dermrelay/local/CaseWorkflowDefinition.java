package com.dermrelay.local;

/**
 * The case workflow's ASL, the same file CDK deploys (infrastructure/src/main/resources/workflows),
 * with each {@code ${NameFunctionArn}} replaced as CDK's definition substitutions would, by the ARN
 * of a local Lambda function called {@code Name}. See {@link LocalWorkflow} for every workflow.
 */
public final class CaseWorkflowDefinition {
  public static final String RESOURCE = "dermrelay/workflows/case-workflow.asl.json";

  private CaseWorkflowDefinition() {}

  /** The file as written, with its placeholders. */
  public static String raw() {
    return LocalWorkflow.CASE.raw();
  }

  /** The definition ready to run, each function named {@code functionArnPrefix + Name}. */
  public static String substituted(String functionArnPrefix) {
    return LocalWorkflow.CASE.substituted(functionArnPrefix);
  }
}
