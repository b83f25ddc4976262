package com.dermrelay.local.stepfunctions;

import com.dermrelay.local.http.Exchanges;
import com.dermrelay.local.stepfunctions.asl.DefinitionParser;
import com.dermrelay.local.stepfunctions.asl.InvalidDefinitionException;
import com.dermrelay.local.stepfunctions.asl.StateMachineDefinition;
import com.dermrelay.local.stepfunctions.engine.Execution;
import com.dermrelay.local.stepfunctions.engine.ExecutionEngine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Step Functions operations as Java methods, with the API's errors as {@link
 * StepFunctionsException}. The HTTP handler and tests both call it; it is thread-safe.
 */
public final class StepFunctionsService {
  /**
   * Running executions are idempotent on name+input; Step Functions keeps closed ones for 90 days.
   */
  private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();

  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final ExecutionEngine engine;
  private final EmulatorClock clock;
  private final Arns arns;

  /** The state of one state machine; the definition is replaced by UpdateStateMachine. */
  private static final class StateMachine {
    final String arn;
    final String name;
    final String type;
    final Instant creationDate;
    volatile String definitionText;
    volatile StateMachineDefinition definition;
    volatile String roleArn;

    StateMachine(
        String arn,
        String name,
        String type,
        Instant creationDate,
        String text,
        StateMachineDefinition definition,
        String roleArn) {
      this.arn = arn;
      this.name = name;
      this.type = type;
      this.creationDate = creationDate;
      this.definitionText = text;
      this.definition = definition;
      this.roleArn = roleArn;
    }

    StateMachineDescription describe() {
      return new StateMachineDescription(arn, name, definitionText, roleArn, type, creationDate);
    }
  }

  StepFunctionsService(ExecutionEngine engine, EmulatorClock clock, String region, String account) {
    this.engine = engine;
    this.clock = clock;
    this.arns = new Arns(region, account);
    for (Execution persisted : engine.loadPersisted(StepFunctionsService::parse)) {
      executions.put(persisted.arn(), persisted);
    }
  }

  /**
   * Runs again the persisted executions that were RUNNING when the emulator stopped (see {@link
   * ExecutionEngine#resume}); call it once the functions their tasks invoke can run. Returns how
   * many.
   */
  public int resumePersistedExecutions() {
    int resumed = 0;
    for (Execution execution : List.copyOf(executions.values())) {
      if (execution.status() == ExecutionStatus.RUNNING) {
        engine.resume(execution);
        resumed++;
      }
    }
    return resumed;
  }

  // ---- state machines ------------------------------------------------------------------------

  /**
   * Idempotent for an identical name, definition and role, as AWS is; else
   * StateMachineAlreadyExists.
   */
  public synchronized StateMachineDescription createStateMachine(
      String name, String definition, String roleArn, String type) {
    Arns.checkName(name, "state machine");
    String machineType = type == null ? "STANDARD" : type;
    if (!machineType.equals("STANDARD") && !machineType.equals("EXPRESS")) {
      throw new StepFunctionsException(
          "ValidationException", "type must be STANDARD or EXPRESS, got " + type);
    }
    StateMachineDefinition parsed = parse(definition);
    String arn = arns.stateMachine(name);
    StateMachine existing = machines.get(arn);
    if (existing != null) {
      if (existing.definitionText.equals(definition) && Objects.equals(existing.roleArn, roleArn)) {
        return existing.describe();
      }
      throw new StepFunctionsException(
          "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    StateMachine machine =
        new StateMachine(arn, name, machineType, clock.now(), definition, parsed, roleArn);
    machines.put(arn, machine);
    return machine.describe();
  }

  /** Running executions keep the definition they started with. */
  public synchronized Instant updateStateMachine(String arn, String definition, String roleArn) {
    StateMachine machine = machine(arn);
    if (definition == null && roleArn == null) {
      throw new StepFunctionsException(
          "MissingRequiredParameter", "Either the definition or the roleArn must be given");
    }
    if (definition != null) {
      machine.definition = parse(definition);
      machine.definitionText = definition;
    }
    if (roleArn != null) {
      machine.roleArn = roleArn;
    }
    return clock.now();
  }

  public StateMachineDescription describeStateMachine(String arn) {
    return machine(arn).describe();
  }

  public List<StateMachineDescription> listStateMachines() {
    List<StateMachineDescription> list = new ArrayList<>();
    machines.values().forEach(m -> list.add(m.describe()));
    list.sort(Comparator.comparing(StateMachineDescription::name));
    return list;
  }

  /** Removes the state machine; its executions keep running and stay describable. */
  public void deleteStateMachine(String arn) {
    Arns.stateMachineName(arn);
    machines.remove(arn);
  }

  // ---- executions ----------------------------------------------------------------------------

  /** The new execution's ARN and start date; runs it asynchronously. */
  public ExecutionDescription startExecution(String stateMachineArn, String name, String input) {
    StateMachine machine = machine(stateMachineArn);
    String executionName = name == null ? UUID.randomUUID().toString() : name;
    Arns.checkName(executionName, "execution");
    String inputText = input == null ? "{}" : input;
    JsonNode parsedInput = parseInput(inputText);
    String arn = arns.execution(machine.name, executionName);
    Execution execution;
    synchronized (this) {
      Execution existing = executions.get(arn);
      if (existing != null) {
        if (existing.status() == ExecutionStatus.RUNNING && existing.input().equals(parsedInput)) {
          return existing.describe();
        }
        throw new StepFunctionsException(
            "ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
      }
      execution =
          new Execution(
              arn,
              executionName,
              machine.arn,
              machine.name,
              machine.roleArn,
              machine.definition,
              machine.definitionText,
              parsedInput,
              inputText,
              clock.now());
      executions.put(arn, execution);
    }
    engine.start(execution);
    return execution.describe();
  }

  public ExecutionDescription describeExecution(String executionArn) {
    return execution(executionArn).describe();
  }

  /** Newest first, as AWS lists them; {@code status} null for all. */
  public List<ExecutionDescription> listExecutions(String stateMachineArn, ExecutionStatus status) {
    machine(stateMachineArn);
    List<ExecutionDescription> list = new ArrayList<>();
    for (Execution execution : executions.values()) {
      if (execution.stateMachineArn().equals(stateMachineArn)) {
        ExecutionDescription description = execution.describe();
        if (status == null || description.status() == status) {
          list.add(description);
        }
      }
    }
    list.sort(
        Comparator.comparing(ExecutionDescription::startDate)
            .reversed()
            .thenComparing(ExecutionDescription::name, Comparator.reverseOrder()));
    return list;
  }

  public List<HistoryEvent> getExecutionHistory(String executionArn) {
    return execution(executionArn).history().events();
  }

  /** The stop date; a closed execution is left as it is and its own stop date returned. */
  public Instant stopExecution(String executionArn, String error, String cause) {
    Execution execution = execution(executionArn);
    engine.stop(execution, error, cause);
    return execution.describe().stopDate();
  }

  public void sendTaskSuccess(String taskToken, String output) {
    if (output == null) {
      throw new StepFunctionsException("InvalidOutput", "Invalid Output: 'output is required'");
    }
    JsonNode parsed;
    try {
      parsed = Exchanges.JSON.readTree(output);
    } catch (JsonProcessingException e) {
      throw new StepFunctionsException(
          "InvalidOutput", "Invalid Output: '" + e.getOriginalMessage() + "'");
    }
    engine.tokens().sendSuccess(taskToken, parsed);
  }

  public void sendTaskFailure(String taskToken, String error, String cause) {
    engine.tokens().sendFailure(taskToken, error, cause);
  }

  public void sendTaskHeartbeat(String taskToken) {
    engine.tokens().sendHeartbeat(taskToken);
  }

  /**
   * Waits (in real time, up to {@code timeout}) until the execution has {@code expected} status;
   * fails with the status it has otherwise. Under a ManualClock with the default synchronous
   * executor the status is already settled when the call that caused it returns.
   */
  public ExecutionDescription awaitStatus(
      String executionArn, ExecutionStatus expected, Duration timeout) {
    Execution execution = execution(executionArn);
    try {
      if (expected != ExecutionStatus.RUNNING) {
        execution.awaitClosed(timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + executionArn, e);
    }
    ExecutionDescription description = execution.describe();
    if (description.status() != expected) {
      throw new IllegalStateException(
          "execution "
              + executionArn
              + " is "
              + description.status()
              + ", expected "
              + expected
              + (description.error() == null
                  ? ""
                  : " (" + description.error() + ": " + description.cause() + ")"));
    }
    return description;
  }

  private StateMachine machine(String arn) {
    Arns.stateMachineName(arn);
    StateMachine machine = machines.get(arn);
    if (machine == null) {
      throw new StepFunctionsException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return machine;
  }

  private Execution execution(String arn) {
    Arns.checkExecution(arn);
    Execution execution = executions.get(arn);
    if (execution == null) {
      throw new StepFunctionsException(
          "ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return execution;
  }

  private static StateMachineDefinition parse(String definition) {
    try {
      return DefinitionParser.parse(definition);
    } catch (InvalidDefinitionException e) {
      throw new StepFunctionsException("InvalidDefinition", e.getMessage());
    }
  }

  private static JsonNode parseInput(String input) {
    try {
      JsonNode node = Exchanges.JSON.readTree(input);
      if (node == null) {
        throw new StepFunctionsException(
            "InvalidExecutionInput", "Invalid Execution Input: the input is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new StepFunctionsException(
          "InvalidExecutionInput", "Invalid Execution Input: '" + e.getOriginalMessage() + "'");
    }
  }
}
