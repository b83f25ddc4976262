package com.dermrelay.local;

import java.util.HashMap;
import java.util.Map;

/**
 * The handler behind each Lambda function the workflows' Task states name. Locally a function's
 * name is its task's (e.g. {@code Triage}, from {@code ${TriageFunctionArn}}), and its handler is
 * in the package of the workflow that names it ({@link LocalWorkflow#handlerFor}). Two workflows
 * may not name the same function: it would be ambiguous which handler runs.
 */
final class WorkflowFunctions {
  private final Map<String, LocalWorkflow> owners = new HashMap<>();

  WorkflowFunctions(LocalWorkflow... workflows) {
    for (LocalWorkflow workflow : workflows) {
      for (String name : workflow.functionNames()) {
        LocalWorkflow other = owners.putIfAbsent(name, workflow);
        if (other != null && other != workflow) {
          throw new IllegalStateException(
              "function " + name + " is named by both " + other + " and " + workflow);
        }
      }
    }
  }

  /** The handler class for a task's function name, or null when none is on the classpath. */
  String handlerFor(String functionName) {
    LocalWorkflow workflow = owners.get(functionName);
    if (workflow == null) {
      return null;
    }
    String handler = workflow.handlerFor(functionName);
    try {
      Class.forName(handler, false, WorkflowFunctions.class.getClassLoader());
      return handler;
    } catch (ClassNotFoundException notOnTheClasspath) {
      return null;
    }
  }
}
