package com.dermrelay.local.functions;

/**
 * A handler threw: carries what the Lambda Java runtime would report, so the Step Functions
 * interpreter can match {@code Retry}/{@code Catch} on {@code errorType} as it would on AWS.
 */
public final class FunctionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String functionName;
  private final String errorType;
  private final String errorMessage;

  public FunctionFailedException(
      String functionName, String errorType, String errorMessage, Throwable cause) {
    super(functionName + " failed with " + errorType + ": " + errorMessage, cause);
    this.functionName = functionName;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }

  public String functionName() {
    return functionName;
  }

  /**
   * The fully qualified class name of the exception, e.g. {@code java.lang.IllegalStateException}.
   */
  public String errorType() {
    return errorType;
  }

  /** The exception's message; may be null, as it may be in the Lambda runtime's report. */
  public String errorMessage() {
    return errorMessage;
  }
}
