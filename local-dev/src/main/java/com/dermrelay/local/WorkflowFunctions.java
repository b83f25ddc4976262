package com.dermrelay.local;

/**
 * The handler behind each Lambda function the case workflow's Task states name. Locally the
 * function's name is the task's (e.g. {@code Triage}, from {@code ${TriageFunctionArn}}), and its
 * handler follows the convention infrastructure's {@code WorkflowTasks} deploys:
 * {@code com.dermrelay.review.workflow.<Task>TaskHandler}.
 */
final class WorkflowFunctions {
  static final String HANDLER_PACKAGE = "com.dermrelay.review.workflow.";

  private WorkflowFunctions() {}

  /** The handler class for a task's function name, or null when none is on the classpath yet. */
  static String handlerFor(String functionName) {
    String handler = HANDLER_PACKAGE + functionName + "TaskHandler";
    try {
      Class.forName(handler, false, WorkflowFunctions.class.getClassLoader());
      return handler;
    } catch (ClassNotFoundException notYetWritten) {
      return null;
    }
  }
}
