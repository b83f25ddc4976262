package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that names the case workflow's task functions: for each task of
 * {@code case-workflow.asl.json} (its {@code "FunctionName": "${<Task>FunctionArn}"} placeholder),
 * the handler class in the functions jar that CDK deploys for it. The convention is
 * {@value #PACKAGE}{@code .<Task>TaskHandler}; issue 4 writes the classes.
 *
 * <p>Task functions have no route by design: Step Functions invokes them, never the HTTP API.
 */
public final class WorkflowTasks {

  /** Where the task handlers live in the functions jar. */
  public static final String PACKAGE = "com.dermrelay.review.workflow";

  /** The tasks in the order the common path meets them, then the failure path. */
  public static final List<String> TASKS = List.of(
      "AwaitPhotoChecks", "Triage", "QueueForReview", "Escalate", "RequestMoreInfo", "DeliverAnswer",
      "InviteFollowUp", "CloseCase", "RecordFailure");

  private WorkflowTasks() {
  }

  /** Task name to fully qualified handler class, in {@link #TASKS} order. */
  public static Map<String, String> handlers() {
    Map<String, String> handlers = new LinkedHashMap<>();
    TASKS.forEach(task -> handlers.put(task, handlerOf(task)));
    return handlers;
  }

  public static String handlerOf(String task) {
    if (!TASKS.contains(task)) {
      throw new IllegalArgumentException("Not a task of the case workflow: " + task);
    }
    return PACKAGE + "." + task + "TaskHandler";
  }

  /** The ASL placeholder a task's function ARN replaces: {@code ${<Task>FunctionArn}}. */
  public static String substitutionKey(String task) {
    return task + "FunctionArn";
  }

  /** The task handlers {@code jar} lacks; empty when the workflow can be deployed. */
  public static List<String> missingFrom(FunctionsJar jar) {
    return handlers().values().stream().filter(handler -> !jar.contains(handler)).toList();
  }
}
