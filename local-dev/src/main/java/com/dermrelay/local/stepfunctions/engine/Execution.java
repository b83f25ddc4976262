package com.dermrelay.local.stepfunctions.engine;

import com.dermrelay.local.stepfunctions.ExecutionDescription;
import com.dermrelay.local.stepfunctions.ExecutionStatus;
import com.dermrelay.local.stepfunctions.asl.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One execution: its fixed facts, its status (guarded by this object), its history and its scope.
 */
public final class Execution {
  private final String arn;
  private final String name;
  private final String stateMachineArn;
  private final String stateMachineName;
  private final String roleArn;
  private final StateMachineDefinition definition;
  private final String definitionText;
  private final JsonNode input;
  private final String inputText;
  private final Instant startDate;
  private final ExecutionHistory history = new ExecutionHistory();
  private final Scope scope = new Scope();

  private ExecutionStatus status = ExecutionStatus.RUNNING;
  private Instant stopDate;
  private String output;
  private String error;
  private String cause;
  private Checkpoint checkpoint;

  public Execution(
      String arn,
      String name,
      String stateMachineArn,
      String stateMachineName,
      String roleArn,
      StateMachineDefinition definition,
      String definitionText,
      JsonNode input,
      String inputText,
      Instant startDate) {
    this.arn = arn;
    this.name = name;
    this.stateMachineArn = stateMachineArn;
    this.stateMachineName = stateMachineName;
    this.roleArn = roleArn;
    this.definition = definition;
    this.definitionText = definitionText;
    this.input = input;
    this.inputText = inputText;
    this.startDate = startDate;
  }

  public String arn() {
    return arn;
  }

  public String name() {
    return name;
  }

  public String stateMachineArn() {
    return stateMachineArn;
  }

  String stateMachineName() {
    return stateMachineName;
  }

  String roleArn() {
    return roleArn;
  }

  StateMachineDefinition definition() {
    return definition;
  }

  String definitionText() {
    return definitionText;
  }

  synchronized Checkpoint checkpoint() {
    return checkpoint;
  }

  /** The top-level path entered a state: the place a restart resumes from. */
  synchronized void checkpoint(Checkpoint at) {
    checkpoint = at;
  }

  /**
   * The task whose entry was checkpointed as {@code entry} now waits on {@code token}; false when
   * the path has moved on meanwhile (the token was answered while its function ran).
   */
  synchronized boolean waitingOn(Checkpoint entry, String token, Instant deadline) {
    if (status != ExecutionStatus.RUNNING || checkpoint != entry) {
      return false;
    }
    checkpoint = entry.waitingOn(token, deadline);
    return true;
  }

  /**
   * The token the checkpoint waits on was answered with {@code output}: kept so a restart before
   * the next state completes the task with it instead of waiting on a spent token. False when the
   * checkpoint is not waiting on {@code token}.
   */
  synchronized boolean answered(String token, JsonNode output) {
    if (status != ExecutionStatus.RUNNING
        || checkpoint == null
        || !token.equals(checkpoint.token())
        || checkpoint.result() != null) {
      return false;
    }
    checkpoint = checkpoint.answered(output);
    return true;
  }

  /** Sets what a persisted execution had reached (only while loading it). */
  synchronized void restore(
      ExecutionStatus status,
      Instant stopDate,
      String output,
      String error,
      String cause,
      Checkpoint checkpoint) {
    this.status = status;
    this.stopDate = stopDate;
    this.output = output;
    this.error = error;
    this.cause = cause;
    this.checkpoint = checkpoint;
  }

  public JsonNode input() {
    return input;
  }

  public String inputText() {
    return inputText;
  }

  public Instant startDate() {
    return startDate;
  }

  public ExecutionHistory history() {
    return history;
  }

  Scope scope() {
    return scope;
  }

  public synchronized ExecutionStatus status() {
    return status;
  }

  public synchronized ExecutionDescription describe() {
    return new ExecutionDescription(
        arn, stateMachineArn, name, status, startDate, stopDate, inputText, output, error, cause);
  }

  /**
   * Moves a running execution to a final status and records the closing event; false when it had
   * already closed (a stop racing a success, say). Cancels everything still pending.
   */
  boolean close(
      ExecutionStatus finalStatus,
      Instant at,
      String output,
      String error,
      String cause,
      String eventType,
      String detailsField,
      ObjectNode details) {
    synchronized (this) {
      if (status != ExecutionStatus.RUNNING) {
        return false;
      }
      status = finalStatus;
      stopDate = at;
      this.output = output;
      this.error = error;
      this.cause = cause;
      history.append(eventType, history.lastId(), at, detailsField, details);
      notifyAll();
    }
    scope.cancel();
    return true;
  }

  /** Blocks until the execution has a status other than RUNNING, or the timeout passes. */
  public synchronized ExecutionStatus awaitClosed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (status == ExecutionStatus.RUNNING) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return status;
  }
}
