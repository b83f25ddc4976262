package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.stepfunctions.StepFunctionsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Task tokens of {@code .waitForTaskToken} tasks. A token that is not one of ours answers
 * InvalidToken; one never issued, TaskDoesNotExist; one whose task has ended (answered, timed out,
 * stopped), TaskTimedOut, which is what AWS answers for a task that no longer waits.
 */
public final class TaskTokens {
  private static final Pattern FORMAT = Pattern.compile("sfnlocal-[0-9a-f]{32}");

  /** What a token answers to; each method returns false when the task no longer waits. */
  interface Waiter {
    boolean succeed(JsonNode output);

    boolean fail(String error, String cause);

    boolean heartbeat();
  }

  private final Map<String, Waiter> pending = new ConcurrentHashMap<>();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();

  String issue(Waiter waiter) {
    String token = "sfnlocal-" + UUID.randomUUID().toString().replace("-", "");
    pending.put(token, waiter);
    return token;
  }

  /** Makes a token issued before a restart (kept in a checkpoint) answer to {@code waiter}. */
  void adopt(String token, Waiter waiter) {
    finished.remove(token);
    pending.put(token, waiter);
  }

  void finish(String token) {
    finished.add(token);
    pending.remove(token);
  }

  public void sendSuccess(String token, JsonNode output) {
    if (!waiter(token).succeed(output)) {
      throw timedOut();
    }
  }

  public void sendFailure(String token, String error, String cause) {
    if (!waiter(token).fail(error, cause)) {
      throw timedOut();
    }
  }

  public void sendHeartbeat(String token) {
    if (!waiter(token).heartbeat()) {
      throw timedOut();
    }
  }

  private Waiter waiter(String token) {
    if (token == null || !FORMAT.matcher(token).matches()) {
      throw new StepFunctionsException("InvalidToken", "Invalid Token: 'Invalid token'");
    }
    Waiter waiter = pending.get(token);
    if (waiter != null) {
      return waiter;
    }
    if (finished.contains(token)) {
      throw timedOut();
    }
    throw new StepFunctionsException(
        "TaskDoesNotExist", "Task Does Not exist: 'Provided task does not exist'");
  }

  private static StepFunctionsException timedOut() {
    return new StepFunctionsException(
        "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  }
}
