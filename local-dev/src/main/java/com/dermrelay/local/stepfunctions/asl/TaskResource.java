package com.dermrelay.local.stepfunctions.asl;

/**
 * A Task's Resource, limited to what the emulator can run: Lambda, directly or through
 * lambda:invoke.
 */
public record TaskResource(String arn, Kind kind) {
  public static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  public static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";

  public enum Kind {
    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}: the result is the function's output. */
    LAMBDA_FUNCTION,
    /** {@code arn:aws:states:::lambda:invoke}: Parameters carry FunctionName and Payload. */
    LAMBDA_INVOKE,
    /** {@code arn:aws:states:::lambda:invoke.waitForTaskToken}: waits for SendTask*. */
    LAMBDA_INVOKE_CALLBACK
  }

  /** Null when the resource is not supported. */
  static Kind kindOf(String arn) {
    if (arn.equals(LAMBDA_INVOKE)) {
      return Kind.LAMBDA_INVOKE;
    }
    if (arn.equals(LAMBDA_INVOKE + WAIT_FOR_TASK_TOKEN)) {
      return Kind.LAMBDA_INVOKE_CALLBACK;
    }
    if (arn.matches(
        "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?")) {
      return Kind.LAMBDA_FUNCTION;
    }
    return null;
  }

  public boolean waitsForTaskToken() {
    return kind == Kind.LAMBDA_INVOKE_CALLBACK;
  }

  /** The history's resourceType/resource pair, e.g. lambda / invoke.waitForTaskToken. */
  public String historyResource() {
    switch (kind) {
      case LAMBDA_INVOKE:
        return "invoke";
      case LAMBDA_INVOKE_CALLBACK:
        return "invoke" + WAIT_FOR_TASK_TOKEN;
      default:
        return arn;
    }
  }
}
