package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.asl.Timestamps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The context object {@code $$} a state sees. */
final class ContextObject {
  private ContextObject() {}

  static ObjectNode of(
      Execution execution, String stateName, Instant entered, int retryCount, String token) {
    ObjectNode context = Exchanges.JSON.createObjectNode();
    ObjectNode exec = context.putObject("Execution");
    exec.put("Id", execution.arn());
    exec.set("Input", execution.input());
    exec.put("Name", execution.name());
    exec.put("RoleArn", execution.roleArn());
    exec.put("StartTime", Timestamps.format(execution.startDate()));
    exec.put("RedriveCount", 0);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", execution.stateMachineArn());
    machine.put("Name", execution.stateMachineName());
    ObjectNode state = context.putObject("State");
    state.put("Name", stateName);
    state.put("EnteredTime", Timestamps.format(entered));
    state.put("RetryCount", retryCount);
    if (token != null) {
      context.putObject("Task").put("Token", token);
    }
    return context;
  }
}
