package com.dermrelay.local.stepfunctions.asl;

/**
 * An error raised while running a state, named as Step Functions names it ({@code States.Timeout},
 * a Lambda error type, a Fail state's Error...). A {@linkplain #terminal() terminal} error
 * (States.Runtime) is not retried nor caught: it fails the whole execution, as AWS documents.
 */
public final class StatesError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;
  private final boolean terminal;

  public StatesError(String error, String cause, boolean terminal) {
    super(error + (cause == null ? "" : ": " + cause), null, false, false);
    this.error = error;
    this.cause = cause;
    this.terminal = terminal;
  }

  /** A catchable error. */
  public static StatesError of(String error, String cause) {
    return new StatesError(error, cause, false);
  }

  /** States.Runtime: fails the execution whatever Retry and Catch say. */
  public static StatesError runtime(String cause) {
    return new StatesError(ErrorNames.RUNTIME, cause, true);
  }

  /** May be null (a Fail state without Error). */
  public String error() {
    return error;
  }

  /** May be null. */
  public String cause() {
    return cause;
  }

  public boolean terminal() {
    return terminal;
  }
}
