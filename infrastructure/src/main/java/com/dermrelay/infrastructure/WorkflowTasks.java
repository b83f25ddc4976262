package com.dermrelay.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * One workflow of the platform: an ASL file on the classpath plus the package that holds its task
 * handlers. The tasks are the file's {@code "FunctionName": "${<Task>FunctionArn}"} placeholders,
 * in the order the file first names them; each is deployed from {@code
 * <package>.<Task>TaskHandler}. Task functions have no route by design: Step Functions invokes
 * them, never the HTTP API.
 *
 * <p>Adding a workflow is adding one of these to {@link #ALL} (docs/deploy.md, "Add a workflow"):
 * it deploys, with its task functions, in a stack of its own, {@code -workflow-<name>} ({@link
 * WorkflowStack}), once the jars hold all its task handlers.
 *
 * @param name the state machine is {@code <prefix>-<name>}, its log group ends in it too
 * @param aslResource the definition's classpath resource, e.g. {@code
 *     /workflows/case-workflow.asl.json}
 * @param handlerPackage where the task handlers live
 * @param arnVariable the environment variable that tells the functions the state machine's ARN
 * @param grants what a function may do on the state machine when its profile asks for the grant's
 *     kind
 * @param stack the stack it deploys in, after the region's prefix: {@value #OWN_STACK_PREFIX}{@code
 *     <name>} for every workflow but the two that were deployed before there were several stacks
 *     ({@value #SHARED_STACK}): moving a state machine replaces it, which ends its executions
 */
public record WorkflowTasks(
    String name,
    String aslResource,
    String handlerPackage,
    String arnVariable,
    List<Grant> grants,
    String stack) {

  /**
   * The first workflow stack: the case and EHR delivery workflows, and the region's alarm topic.
   */
  public static final String SHARED_STACK = "workflow";

  public static final String OWN_STACK_PREFIX = "workflow-";
  // Before the constants below, which the constructor checks with them.
  private static final Pattern FUNCTION_PLACEHOLDER =
      Pattern.compile("\"\\$\\{([A-Za-z]+)FunctionArn}\"");
  private static final Pattern STACK =
      Pattern.compile(SHARED_STACK + "|" + OWN_STACK_PREFIX + "[a-z][a-z0-9-]*");

  /**
   * A right on the workflow's state machine: the statement {@code sid} allowing {@code actions},
   * granted to each function whose {@link FunctionProfile} has {@code kind} (ProfileGrants).
   */
  public record Grant(
      FunctionProfile.Access kind, String sid, List<String> actions, boolean onExecutions) {
    public Grant {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(sid, "sid");
      actions = List.copyOf(actions);
    }

    /** A right on the state machine itself. */
    public Grant(FunctionProfile.Access kind, String sid, List<String> actions) {
      this(kind, sid, actions, false);
    }
  }

  /** The case workflow (docs/workflow.md): tasks in review.workflow, in the functions jar. */
  public static final WorkflowTasks CASE =
      new WorkflowTasks(
          "case",
          "/workflows/case-workflow.asl.json",
          "com.dermrelay.review.workflow",
          Functions.ENV_CASE_WORKFLOW_ARN,
          List.of(
              new Grant(
                  FunctionProfile.Access.START_CASE_WORKFLOW,
                  "StartCaseWorkflow",
                  List.of("states:StartExecution")),
              // No SendTaskFailure: nothing fails a wait.
              new Grant(
                  FunctionProfile.Access.CASE_WORKFLOW_CALLBACK,
                  "CaseWorkflowCallback",
                  List.of("states:SendTaskSuccess", "states:SendTaskHeartbeat")),
              // On the executions (their ARNs), not the state machine: the reconciler's lookups.
              new Grant(
                  FunctionProfile.Access.CASE_WORKFLOW_DESCRIBE,
                  "DescribeCaseExecutions",
                  List.of("states:DescribeExecution"),
                  true)),
          SHARED_STACK);

  /**
   * EHR delivery (issue 8): one execution per answered round; tasks in fhir.workflow, in the FHIR
   * jar.
   */
  public static final WorkflowTasks EHR_DELIVERY =
      new WorkflowTasks(
          "ehr-delivery",
          "/workflows/ehr-delivery.asl.json",
          "com.dermrelay.fhir.workflow",
          Functions.ENV_EHR_WORKFLOW_ARN,
          List.of(
              new Grant(
                  FunctionProfile.Access.EHR_WORKFLOW_START,
                  "StartEhrDelivery",
                  List.of("states:StartExecution"))),
          SHARED_STACK);

  /**
   * Research export (issue 17): one execution per export a clinic admin starts; tasks in
   * research.workflow, in the functions jar; beside the case and EHR workflows in the shared stack.
   */
  public static final WorkflowTasks RESEARCH_EXPORT =
      new WorkflowTasks(
          "research-export",
          "/workflows/research-export.asl.json",
          "com.dermrelay.research.workflow",
          Functions.ENV_RESEARCH_EXPORT_WORKFLOW_ARN,
          List.of(
              new Grant(
                  FunctionProfile.Access.RESEARCH_EXPORT_START,
                  "StartResearchExport",
                  List.of("states:StartExecution"))),
          SHARED_STACK);

  /**
   * Second reads (issue 16): one execution per sampled answered round, started by DeliverAnswer;
   * tasks in quality.workflow, in the functions jar; beside the case workflow in the shared stack,
   * as research export is (the monitoring and grants of the shared stack cover its tasks).
   */
  public static final WorkflowTasks SECOND_READ =
      new WorkflowTasks(
          "second-read",
          "/workflows/second-read.asl.json",
          "com.dermrelay.quality.workflow",
          Functions.ENV_SECOND_READ_WORKFLOW_ARN,
          List.of(
              new Grant(
                  FunctionProfile.Access.SECOND_READ_START,
                  "StartSecondRead",
                  List.of("states:StartExecution")),
              // No SendTaskFailure or heartbeat: a read only ends the wait.
              new Grant(
                  FunctionProfile.Access.SECOND_READ_CALLBACK,
                  "SecondReadCallback",
                  List.of("states:SendTaskSuccess"))),
          SHARED_STACK);

  public static final List<WorkflowTasks> ALL =
      List.of(CASE, EHR_DELIVERY, RESEARCH_EXPORT, SECOND_READ);

  public WorkflowTasks {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(aslResource, "aslResource");
    Objects.requireNonNull(handlerPackage, "handlerPackage");
    Objects.requireNonNull(arnVariable, "arnVariable");
    grants = List.copyOf(grants);
    if (!STACK.matcher(Objects.requireNonNull(stack, "stack")).matches()) {
      throw new IllegalArgumentException(
          "A workflow's stack is "
              + SHARED_STACK
              + " or "
              + OWN_STACK_PREFIX
              + "<name>; got "
              + stack);
    }
  }

  /**
   * A workflow in a stack of its own, {@value #OWN_STACK_PREFIX}{@code <name>}: how every new one
   * deploys.
   */
  public WorkflowTasks(
      String name,
      String aslResource,
      String handlerPackage,
      String arnVariable,
      List<Grant> grants) {
    this(name, aslResource, handlerPackage, arnVariable, grants, OWN_STACK_PREFIX + name);
  }

  /** The ASL file's text as the repository holds it. */
  public String asl() {
    try (InputStream in = WorkflowTasks.class.getResourceAsStream(aslResource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The workflow definition " + aslResource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The task names, in the order the file first names them (a task may serve several states). */
  public List<String> tasks() {
    Set<String> tasks = new LinkedHashSet<>();
    Matcher matcher = FUNCTION_PLACEHOLDER.matcher(asl());
    while (matcher.find()) {
      tasks.add(matcher.group(1));
    }
    return List.copyOf(tasks);
  }

  /** Task name to fully qualified handler class, in {@link #tasks()} order. */
  public Map<String, String> handlers() {
    Map<String, String> handlers = new LinkedHashMap<>();
    tasks().forEach(task -> handlers.put(task, handlerPackage + "." + task + "TaskHandler"));
    return handlers;
  }

  public String handlerOf(String task) {
    String handler = handlers().get(task);
    if (handler == null) {
      throw new IllegalArgumentException("Not a task of the " + name + " workflow: " + task);
    }
    return handler;
  }

  /** The ASL placeholder a task's function ARN replaces: {@code ${<Task>FunctionArn}}. */
  public static String substitutionKey(String task) {
    return task + "FunctionArn";
  }

  /** The task handlers {@code jars} lack; empty when the workflow can be deployed. */
  public List<String> missingFrom(DeploymentJars jars) {
    return handlers().values().stream().filter(handler -> !jars.contains(handler)).toList();
  }

  /** The name as a construct id: {@code ehr-delivery} is {@code EhrDelivery}. */
  public String idPrefix() {
    StringBuilder id = new StringBuilder();
    for (String part : name.split("-")) {
      id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return id.toString();
  }

  public String stateMachineName(StageConfig config) {
    return config.resourcePrefix() + "-" + name;
  }

  /** Every execution of the state machine: {@code execution:<name>:*}. */
  public String executionsArnIn(Stack stack, StageConfig config) {
    return stack.formatArn(
        ArnComponents.builder()
            .service("states")
            .resource("execution")
            .resourceName(stateMachineName(config) + ":*")
            .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
            .build());
  }

  /**
   * The state machine's ARN in {@code stack}'s account and region, known from its fixed name before
   * it exists: a reference would be a cycle wherever a task function itself calls the workflow
   * (state machine, task alias, function, environment or policy).
   */
  public String arnIn(Stack stack, StageConfig config) {
    return stack.formatArn(
        ArnComponents.builder()
            .service("states")
            .resource("stateMachine")
            .resourceName(stateMachineName(config))
            .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
            .build());
  }
}
