package com.dermrelay.local.stepfunctions;

/** The statuses of an execution, as the API names them. */
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED
}
