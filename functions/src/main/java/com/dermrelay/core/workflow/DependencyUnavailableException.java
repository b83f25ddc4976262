package com.dermrelay.core.workflow;

/**
 * A workflow step could not reach a service it depends on (the table, storage, the user pool, the
 * workflow itself): refused, timed out, throttled or 5xx. Nothing is wrong with the case, so the
 * workflow's Retry lists this error (its class name, which Lambda reports as the error) and runs
 * the step again after a backoff instead of failing the case. The message names no data.
 */
public final class DependencyUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The error name Step Functions sees, as the workflow's Retry lists it. */
  public static final String ERROR = DependencyUnavailableException.class.getName();

  public DependencyUnavailableException(String step, Throwable cause) {
    super("workflow step " + step + " could not reach a service it depends on", cause);
  }
}
