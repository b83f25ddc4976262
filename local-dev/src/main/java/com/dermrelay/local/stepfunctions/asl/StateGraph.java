package com.dermrelay.local.stepfunctions.asl;

import java.util.Map;

/** StartAt plus States: the top level of a definition or one Parallel branch. */
public record StateGraph(String startAt, Map<String, State> states) {
  public State state(String name) {
    State state = states.get(name);
    if (state == null) {
      throw new IllegalStateException("validated graph has no state " + name);
    }
    return state;
  }
}
