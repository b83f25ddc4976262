package com.dermrelay.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the function a Task state names. The local stack implements it by calling the Lambda
 * handlers in-process; tests implement it with lambdas.
 */
@FunctionalInterface
public interface TaskInvoker {
  /**
   * Invokes the function named by a Lambda ARN or name with a JSON payload and returns its JSON
   * result. For a {@code .waitForTaskToken} task the result is ignored and the payload carries the
   * token. A failure is reported as {@link TaskFailedException}; any other runtime exception is
   * treated like Lambda's Java runtime reports it: error = the exception's class name, cause = its
   * message.
   */
  JsonNode invoke(String functionArnOrName, JsonNode payload) throws TaskFailedException;
}
