package com.dermrelay.local.stepfunctions.asl;

import java.util.List;
import java.util.Set;

/** The predefined {@code States.*} error names and the ErrorEquals matching rules. */
public final class ErrorNames {
  public static final String ALL = "States.ALL";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String RUNTIME = "States.Runtime";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String BRANCH_FAILED = "States.BranchFailed";

  static final Set<String> PREDEFINED =
      Set.of(
          ALL,
          TASK_FAILED,
          TIMEOUT,
          HEARTBEAT_TIMEOUT,
          RUNTIME,
          RESULT_PATH_MATCH_FAILURE,
          NO_CHOICE_MATCHED,
          BRANCH_FAILED,
          "States.Permissions",
          "States.ParameterPathFailure",
          "States.IntrinsicFailure",
          "States.ExceedToleratedFailureThreshold",
          "States.ItemReaderFailed",
          "States.ResultWriterFailed",
          "States.DataLimitExceeded",
          "States.QueryEvaluationError");

  private ErrorNames() {}

  /**
   * Whether a retrier's or catcher's ErrorEquals list matches {@code error}. States.ALL matches
   * everything and States.TaskFailed everything but States.Timeout; neither matches a terminal
   * error, which never reaches this point anyway.
   */
  public static boolean matches(List<String> errorEquals, StatesError error) {
    if (error.terminal()) {
      return false;
    }
    for (String name : errorEquals) {
      if (ALL.equals(name)) {
        return true;
      }
      if (TASK_FAILED.equals(name) && !TIMEOUT.equals(error.error())) {
        return true;
      }
      if (name.equals(error.error())) {
        return true;
      }
    }
    return false;
  }
}
