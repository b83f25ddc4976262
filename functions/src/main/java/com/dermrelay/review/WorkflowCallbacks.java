package com.dermrelay.review;

import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Ends or keeps alive a case's waiting workflow task with the token stored on its {@link
 * ReviewItem}. A token that no longer waits (the task timed out and the case escalated, or a retry
 * already ended it) is reported as {@link StaleTaskException}, for the caller to read the case
 * again rather than fail.
 */
@Singleton
public final class WorkflowCallbacks {
  private final SfnClient stepFunctions;

  @Inject
  public WorkflowCallbacks(SfnClient stepFunctions) {
    this.stepFunctions = stepFunctions;
  }

  /** Ends the wait with {@code outputJson} as the task's result. */
  public void succeed(String taskToken, String outputJson) {
    try {
      stepFunctions.sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson));
    } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
      throw new StaleTaskException(e);
    }
  }

  /** Tells the workflow someone is working on the case (resets HeartbeatSeconds). */
  public void heartbeat(String taskToken) {
    try {
      stepFunctions.sendTaskHeartbeat(r -> r.taskToken(taskToken));
    } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
      throw new StaleTaskException(e);
    }
  }

  /** The token no longer belongs to a waiting task. */
  public static final class StaleTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleTaskException(RuntimeException cause) {
      super("the workflow task no longer waits", cause);
    }
  }
}
