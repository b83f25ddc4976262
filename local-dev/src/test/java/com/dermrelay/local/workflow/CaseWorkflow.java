package com.dermrelay.local.workflow;

import com.dermrelay.local.CaseWorkflowDefinition;
import com.dermrelay.local.stepfunctions.ExecutionDescription;
import com.dermrelay.local.stepfunctions.ManualClock;
import com.dermrelay.local.stepfunctions.StepFunctionsEmulator;
import com.dermrelay.local.stepfunctions.StepFunctionsService;
import com.dermrelay.local.stepfunctions.TaskFailedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real case workflow definition in the local interpreter, with scripted functions and a
 * ManualClock: executions run on the calling thread, so a status is settled when the call that
 * caused it returns.
 */
final class CaseWorkflow implements AutoCloseable {
  static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";
  static final ObjectMapper JSON = new ObjectMapper();

  /** A scripted Lambda function. */
  interface Function {
    JsonNode apply(JsonNode payload) throws TaskFailedException;
  }

  /** One invocation: the function's short name (e.g. Triage) and its payload. */
  record Call(String function, JsonNode payload) {}

  final ManualClock clock = new ManualClock();
  final StepFunctionsEmulator emulator;
  final StepFunctionsService service;
  final String machineArn;
  private final Map<String, Function> functions = new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();

  CaseWorkflow() {
    emulator = StepFunctionsEmulator.builder(this::invoke).clock(clock).build();
    service = emulator.service();
    machineArn =
        service
            .createStateMachine(
                "case-workflow",
                substitutedDefinition(),
                "arn:aws:iam::000000000000:role/case-workflow",
                "STANDARD")
            .stateMachineArn();
  }

  static String rawDefinition() {
    return CaseWorkflowDefinition.raw();
  }

  /** The definition with each {@code ${NameFunctionArn}} replaced as CDK would, by a Lambda ARN. */
  static String substitutedDefinition() {
    return CaseWorkflowDefinition.substituted(FUNCTION_ARN_PREFIX);
  }

  private JsonNode invoke(String functionArn, JsonNode payload) throws TaskFailedException {
    String name = functionArn.substring(functionArn.lastIndexOf(':') + 1);
    synchronized (calls) {
      calls.add(new Call(name, payload));
    }
    Function function = functions.get(name);
    if (function == null) {
      throw new TaskFailedException("Lambda.ResourceNotFoundException", "no function " + name);
    }
    return function.apply(payload);
  }

  CaseWorkflow function(String name, Function function) {
    functions.put(name, function);
    return this;
  }

  String start(String name, String input) {
    return service.startExecution(machineArn, name, input).executionArn();
  }

  ExecutionDescription describe(String executionArn) {
    return service.describeExecution(executionArn);
  }

  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  List<String> calledFunctions() {
    return calls().stream().map(Call::function).toList();
  }

  List<Call> callsTo(String function) {
    return calls().stream().filter(c -> c.function().equals(function)).toList();
  }

  Call lastCallTo(String function) {
    List<Call> to = callsTo(function);
    if (to.isEmpty()) {
      throw new AssertionError(function + " was never called; calls: " + calledFunctions());
    }
    return to.get(to.size() - 1);
  }

  /** The task token the latest call to a callback function was given. */
  String tokenOf(String function) {
    return lastCallTo(function).payload().get("taskToken").textValue();
  }

  void succeed(String function, String output) {
    service.sendTaskSuccess(tokenOf(function), output);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad JSON in test: " + text, e);
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
