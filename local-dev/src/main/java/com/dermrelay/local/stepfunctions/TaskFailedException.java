package com.dermrelay.local.stepfunctions;

/** A failed task invocation, with the error name Retry/Catch match on and a cause. */
public class TaskFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;

  public TaskFailedException(String error, String cause) {
    super(error + (cause == null ? "" : ": " + cause));
    this.error = error;
    this.cause = cause;
  }

  /** Like Lambda's Java runtime: the error is the exception's fully qualified class name. */
  public static TaskFailedException of(Throwable failure) {
    return new TaskFailedException(failure.getClass().getName(), failure.getMessage());
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
