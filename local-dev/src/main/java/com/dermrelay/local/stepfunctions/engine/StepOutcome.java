package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.stepfunctions.asl.StatesError;
import com.fasterxml.jackson.databind.JsonNode;

/** What running a state leads to. */
sealed interface StepOutcome {
  /** Move to state {@code next} with {@code output} as its input. */
  record Goto(String next, JsonNode output) implements StepOutcome {}

  /** The path ended (End, Succeed) with {@code output}. */
  record Finish(JsonNode output) implements StepOutcome {}

  /** The path failed. */
  record Failure(StatesError error) implements StepOutcome {}

  /** The path waits for a timer, a task token or its branches, which will resume it. */
  enum Suspended implements StepOutcome {
    INSTANCE
  }
}
