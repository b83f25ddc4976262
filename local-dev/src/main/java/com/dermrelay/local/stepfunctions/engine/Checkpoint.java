package com.dermrelay.local.stepfunctions.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Where a running execution's top-level path stands, as persisted: the state it last entered, that
 * state's input and entry time, and, once a {@code .waitForTaskToken} task's function has returned,
 * the token it waits on and the task's deadline (null without TimeoutSeconds), and once that token
 * is answered with success, the answer ({@code result}). Resuming re-enters {@code state} with
 * {@code input}, or, with a token, waits on that same token again, or, with a result, completes the
 * task with it.
 */
record Checkpoint(
    String state,
    JsonNode input,
    Instant entered,
    String token,
    Instant deadline,
    JsonNode result) {
  static Checkpoint entered(String state, JsonNode input, Instant entered) {
    return new Checkpoint(state, input, entered, null, null, null);
  }

  Checkpoint waitingOn(String taskToken, Instant taskDeadline) {
    return new Checkpoint(state, input, entered, taskToken, taskDeadline, null);
  }

  Checkpoint answered(JsonNode output) {
    return new Checkpoint(state, input, entered, token, deadline, output);
  }
}
