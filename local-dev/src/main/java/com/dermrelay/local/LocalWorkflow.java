package com.dermrelay.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workflows the local stack runs: each ASL file CDK deploys
 * (infrastructure/src/main/resources/workflows), the state machine it becomes, the package of its
 * task handlers, and the variable that gives the functions its ARN. A Task's {@code
 * ${NameFunctionArn}} becomes a local Lambda function called {@code Name}, whose handler is {@code
 * <package>.<Name>TaskHandler} (the convention infrastructure's WorkflowTasks deploys).
 */
public enum LocalWorkflow {
  CASE(
      "dermrelay-case",
      "case-workflow.asl.json",
      "com.dermrelay.review.workflow",
      "DERMRELAY_CASE_WORKFLOW_ARN"),
  EHR_DELIVERY(
      "dermrelay-ehr-delivery",
      "ehr-delivery.asl.json",
      "com.dermrelay.fhir.workflow",
      "DERMRELAY_EHR_WORKFLOW_ARN"),
  RESEARCH_EXPORT(
      "dermrelay-research-export",
      "research-export.asl.json",
      "com.dermrelay.research.workflow",
      "DERMRELAY_RESEARCH_EXPORT_WORKFLOW_ARN"),
  SECOND_READ(
      "dermrelay-second-read",
      "second-read.asl.json",
      "com.dermrelay.quality.workflow",
      "DERMRELAY_SECOND_READ_WORKFLOW_ARN");

  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z]+)FunctionArn}");

  private final String stateMachineName;
  private final String file;
  private final String handlerPackage;
  private final String arnVariable;

  LocalWorkflow(String stateMachineName, String file, String handlerPackage, String arnVariable) {
    this.stateMachineName = stateMachineName;
    this.file = file;
    this.handlerPackage = handlerPackage;
    this.arnVariable = arnVariable;
  }

  public String stateMachineName() {
    return stateMachineName;
  }

  public String resource() {
    return "dermrelay/workflows/" + file;
  }

  public String handlerPackage() {
    return handlerPackage;
  }

  /** The environment variable the functions read this workflow's ARN from. */
  public String arnVariable() {
    return arnVariable;
  }

  public String stateMachineArn() {
    return "arn:aws:states:"
        + LocalStackConfig.REGION
        + ":"
        + LocalStackConfig.ACCOUNT_ID
        + ":stateMachine:"
        + stateMachineName;
  }

  /** The handler class a task's function runs. */
  public String handlerFor(String functionName) {
    return handlerPackage + "." + functionName + "TaskHandler";
  }

  /** The file as written, with its placeholders. */
  public String raw() {
    try (InputStream in = LocalWorkflow.class.getClassLoader().getResourceAsStream(resource())) {
      if (in == null) {
        throw new IllegalStateException(
            "the workflow is missing from the classpath: " + resource());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource(), e);
    }
  }

  /** The function names its Task states call ({@code Name} of each {@code ${NameFunctionArn}}). */
  public Set<String> functionNames() {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = SUBSTITUTION.matcher(raw());
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** The definition ready to run, each function named {@code functionArnPrefix + Name}. */
  public String substituted(String functionArnPrefix) {
    Matcher matcher = SUBSTITUTION.matcher(raw());
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(functionArnPrefix + matcher.group(1)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
