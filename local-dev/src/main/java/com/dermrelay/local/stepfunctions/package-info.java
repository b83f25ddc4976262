/**
 * A local Step Functions: an interpreter of the Amazon States Language (JSONPath flavour) behind
 * the Step Functions JSON API, so code using the AWS SDK's {@code SfnClient} runs unchanged.
 *
 * <p><b>API.</b> {@link com.dermrelay.local.stepfunctions.StepFunctionsEmulator} (builder, {@code
 * start(host, port)}, {@code close()}), {@link
 * com.dermrelay.local.stepfunctions.StepFunctionsService} (the operations as Java calls, plus
 * {@code awaitStatus}), {@link com.dermrelay.local.stepfunctions.TaskInvoker} (runs the Lambda
 * functions), and the clocks {@link com.dermrelay.local.stepfunctions.ManualClock} / {@link
 * com.dermrelay.local.stepfunctions.RealTimeClock}. The subpackages {@code asl}, {@code engine} and
 * {@code api} are internal.
 *
 * <p><b>Operations.</b> CreateStateMachine, UpdateStateMachine, DescribeStateMachine,
 * ListStateMachines, DeleteStateMachine, StartExecution, DescribeExecution, ListExecutions,
 * GetExecutionHistory, StopExecution, SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat. Errors
 * are HTTP 400 {@code {"__type": code, "message": ...}}; SigV4 is accepted unchecked.
 *
 * <p><b>Supported.</b> States Pass, Task, Choice (every operator and its Path form, And/Or/Not,
 * Default), Wait (Seconds, SecondsPath, Timestamp, TimestampPath), Parallel, Succeed, Fail (with
 * ErrorPath/CausePath). Task resources: a Lambda function ARN, {@code
 * arn:aws:states:::lambda:invoke} (result wrapped as Lambda's Invoke response) and {@code
 * lambda:invoke.waitForTaskToken}. TimeoutSeconds(Path), HeartbeatSeconds(Path), Retry (first
 * matching retrier decides; IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds), Catch,
 * InputPath, Parameters, ResultSelector, ResultPath, OutputPath, the context object, the
 * definition's TimeoutSeconds, and all intrinsic functions except a deep States.JsonMerge.
 * States.Runtime failures (a path that selects nothing, a bad intrinsic argument) fail the
 * execution whatever Retry and Catch say, as AWS documents.
 *
 * <p><b>Refused at CreateStateMachine/UpdateStateMachine</b> (InvalidDefinition naming the state
 * and field): Map, JSONata ({@code QueryLanguage: JSONata}), variables (Assign), any other Task
 * resource ({@code .sync}, SDK integrations, activities), unknown fields, the context object in
 * InputPath/OutputPath, and everything AWS itself refuses that we check (missing StartAt or
 * targets, Next+End, States.ALL not alone and last, unknown States.* error names, bad paths or
 * intrinsic calls...).
 *
 * <p><b>Deviations.</b> JitterStrategy FULL is accepted but ignored (intervals stay deterministic).
 * StartExecution compares inputs as JSON values (not text) for its idempotency rule. lambda:invoke
 * without Payload sends {@code {}}. SendTaskFailure without an error reports States.TaskFailed. A
 * token of an ended task answers TaskTimedOut; one never issued, TaskDoesNotExist; a malformed one,
 * InvalidToken. EXPRESS machines run like STANDARD ones. Closed executions are kept (in memory, and
 * in the data directory when there is one).
 *
 * <p><b>Persistence</b> ({@code Builder.dataDir}). Each execution is one JSON file, rewritten
 * atomically (temporary file, then move) when it starts, at each state its top-level path enters,
 * when a {@code .waitForTaskToken} task's function has returned (the token it waits on) and when it
 * closes. A restarted emulator describes every execution and {@code resumePersistedExecutions} runs
 * the RUNNING ones on: a task waiting on a token waits on the same token (so a token handed out
 * before the restart still works), with its original TimeoutSeconds deadline and a heartbeat period
 * counted from the restart; any other state is entered again with its input and entry time (a Wait
 * keeps its deadline; a Task runs its function again: at least once). Not kept: Retry counts (a
 * re-entered state starts its retries afresh), the tokens of tasks that ended before the restart
 * (they answer TaskDoesNotExist, not TaskTimedOut), and positions inside a Parallel's branches (the
 * Parallel is entered again as a whole).
 */
package com.dermrelay.local.stepfunctions;
