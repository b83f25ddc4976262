package com.dermrelay.local.stepfunctions;

import com.dermrelay.local.http.Exchanges;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ManualClock emulator with scripted functions: tests register a handler per function name and
 * get every call recorded. Executions run synchronously (trampoline), so a status is final as soon
 * as the call that caused it returns.
 */
final class SfnHarness implements AutoCloseable {
  /** A scripted function. */
  interface Function {
    JsonNode apply(JsonNode payload) throws TaskFailedException;
  }

  record Call(String function, JsonNode payload) {}

  final ManualClock clock = new ManualClock();
  final Map<String, Function> functions = new ConcurrentHashMap<>();
  final List<Call> calls = new ArrayList<>();
  final StepFunctionsEmulator emulator;
  final StepFunctionsService service;
  private final AtomicInteger names = new AtomicInteger();

  SfnHarness() {
    emulator = StepFunctionsEmulator.builder(this::invoke).clock(clock).build();
    service = emulator.service();
  }

  private JsonNode invoke(String function, JsonNode payload) throws TaskFailedException {
    synchronized (calls) {
      calls.add(new Call(function, payload));
    }
    String name = function.substring(function.lastIndexOf(':') + 1);
    Function handler = functions.get(name);
    if (handler == null) {
      throw new TaskFailedException("Lambda.ResourceNotFoundException", "no function " + name);
    }
    return handler.apply(payload);
  }

  SfnHarness function(String name, Function handler) {
    functions.put(name, handler);
    return this;
  }

  String createMachine(String definition) {
    return service
        .createStateMachine(
            "sm-" + names.incrementAndGet(), definition, "arn:aws:iam::000000000000:role/sfn", null)
        .stateMachineArn();
  }

  /** Creates a machine, starts it with {@code input} and returns the execution ARN. */
  String start(String definition, String input) {
    return service
        .startExecution(createMachine(definition), "exec-" + names.incrementAndGet(), input)
        .executionArn();
  }

  ExecutionDescription describe(String executionArn) {
    return service.describeExecution(executionArn);
  }

  /** Runs to completion (or to its first wait) and describes the execution. */
  ExecutionDescription run(String definition, String input) {
    return describe(start(definition, input));
  }

  JsonNode output(ExecutionDescription description) {
    if (description.status() != ExecutionStatus.SUCCEEDED) {
      throw new AssertionError(
          "expected SUCCEEDED but was "
              + description.status()
              + " "
              + description.error()
              + ": "
              + description.cause());
    }
    return json(description.output());
  }

  List<String> eventTypes(String executionArn) {
    List<String> types = new ArrayList<>();
    service.getExecutionHistory(executionArn).forEach(e -> types.add(e.type()));
    return types;
  }

  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  static JsonNode json(String text) {
    try {
      return Exchanges.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad JSON in test: " + text, e);
    }
  }

  /** A one-state machine around {@code state} (a JSON object text without End/Next). */
  static String single(String stateJson) {
    JsonNode state = json(stateJson);
    ((com.fasterxml.jackson.databind.node.ObjectNode) state).put("End", true);
    return "{\"StartAt\":\"S\",\"States\":{\"S\":" + state + "}}";
  }

  @Override
  public void close() {
    emulator.close();
  }
}
