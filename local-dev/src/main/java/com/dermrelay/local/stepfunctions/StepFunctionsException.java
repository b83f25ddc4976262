package com.dermrelay.local.stepfunctions;

/**
 * An API error with the Step Functions error code (e.g. ExecutionAlreadyExists), which the HTTP
 * layer sends as {@code __type} so the SDK raises its typed exception.
 */
public final class StepFunctionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public StepFunctionsException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }
}
