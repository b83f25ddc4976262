package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service operations around executions and state machines. */
class ExecutionApiTest {
  private static final String WAIT_AN_HOUR =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";
  private static final String ROLE = "arn:aws:iam::000000000000:role/sfn";
  private final SfnHarness sfn = new SfnHarness();

  @AfterEach
  void close() {
    sfn.close();
  }

  private String errorCode(Runnable call) {
    return assertThrows(StepFunctionsException.class, call::run).errorCode();
  }

  @Test
  void stopExecutionAbortsAndRetiresTokensAndTimers() {
    sfn.function("notify", p -> TextNode.valueOf("ignored"));
    String arn =
        sfn.start(
            """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"notify","Payload":{"t.$":"$$.Task.Token"}},"TimeoutSeconds":100,"End":true}}}""",
            "{}");
    String token = sfn.calls().get(0).payload().get("t").textValue();
    sfn.clock.advance(Duration.ofSeconds(5));
    sfn.service.stopExecution(arn, "Operator", "stopped by a test");
    ExecutionDescription run = sfn.describe(arn);
    assertEquals(ExecutionStatus.ABORTED, run.status());
    assertEquals("Operator", run.error());
    assertEquals(ManualClock.DEFAULT_START.plusSeconds(5), run.stopDate());
    List<String> types = sfn.eventTypes(arn);
    assertEquals("ExecutionAborted", types.get(types.size() - 1));
    assertEquals(0, sfn.clock.pendingTimers());
    assertEquals("TaskTimedOut", errorCode(() -> sfn.service.sendTaskSuccess(token, "{}")));
    assertEquals(types, sfn.eventTypes(arn), "nothing happens after the abort");
  }

  @Test
  void stoppingAClosedExecutionLeavesIt() {
    String arn =
        sfn.start("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "{}");
    sfn.clock.advance(Duration.ofSeconds(30));
    assertEquals(ManualClock.DEFAULT_START, sfn.service.stopExecution(arn, null, null));
    assertEquals(ExecutionStatus.SUCCEEDED, sfn.describe(arn).status());
  }

  @Test
  void duplicateStartWithSameInputWhileRunningIsIdempotent() {
    String machine = sfn.createMachine(WAIT_AN_HOUR);
    ExecutionDescription first = sfn.service.startExecution(machine, "case-1", "{\"a\":1}");
    sfn.clock.advance(Duration.ofSeconds(10));
    ExecutionDescription again = sfn.service.startExecution(machine, "case-1", "{ \"a\" : 1 }");
    assertEquals(first.executionArn(), again.executionArn());
    assertEquals(first.startDate(), again.startDate());
    assertEquals(1, sfn.service.listExecutions(machine, null).size());
  }

  @Test
  void duplicateStartWithDifferentInputOrAfterCloseIsRefused() {
    String machine = sfn.createMachine(WAIT_AN_HOUR);
    sfn.service.startExecution(machine, "case-1", "{\"a\":1}");
    assertEquals(
        "ExecutionAlreadyExists",
        errorCode(() -> sfn.service.startExecution(machine, "case-1", "{\"a\":2}")));
    sfn.clock.advance(Duration.ofHours(1));
    assertEquals(
        "ExecutionAlreadyExists",
        errorCode(() -> sfn.service.startExecution(machine, "case-1", "{\"a\":1}")));
  }

  @Test
  void listExecutionsNewestFirstWithStatusFilter() {
    String machine = sfn.createMachine(WAIT_AN_HOUR);
    String a = sfn.service.startExecution(machine, "a", "{}").executionArn();
    sfn.clock.advance(Duration.ofMinutes(30));
    String b = sfn.service.startExecution(machine, "b", "{}").executionArn();
    sfn.clock.advance(Duration.ofMinutes(30)); // a finishes
    assertEquals(
        List.of(b, a),
        sfn.service.listExecutions(machine, null).stream()
            .map(ExecutionDescription::executionArn)
            .toList());
    assertEquals(
        List.of(b),
        sfn.service.listExecutions(machine, ExecutionStatus.RUNNING).stream()
            .map(ExecutionDescription::executionArn)
            .toList());
    assertEquals(
        List.of(a),
        sfn.service.listExecutions(machine, ExecutionStatus.SUCCEEDED).stream()
            .map(ExecutionDescription::executionArn)
            .toList());
  }

  @Test
  void arnAndExistenceErrors() {
    assertEquals("InvalidArn", errorCode(() -> sfn.service.describeExecution("not-an-arn")));
    assertEquals(
        "ExecutionDoesNotExist",
        errorCode(
            () ->
                sfn.service.describeExecution(
                    "arn:aws:states:us-east-1:000000000000:execution:sm:none")));
    assertEquals(
        "InvalidArn",
        errorCode(
            () ->
                sfn.service.startExecution(
                    "arn:aws:lambda:us-east-1:000000000000:function:f", null, null)));
    assertEquals(
        "StateMachineDoesNotExist",
        errorCode(
            () ->
                sfn.service.startExecution(
                    "arn:aws:states:us-east-1:000000000000:stateMachine:none", null, null)));
    String machine = sfn.createMachine(WAIT_AN_HOUR);
    assertEquals(
        "InvalidExecutionInput",
        errorCode(() -> sfn.service.startExecution(machine, "x", "{oops")));
    assertEquals(
        "InvalidName", errorCode(() -> sfn.service.startExecution(machine, "has space", "{}")));
    assertEquals(
        "InvalidName",
        errorCode(() -> sfn.service.createStateMachine("a:b", WAIT_AN_HOUR, ROLE, null)));
  }

  @Test
  void startWithoutNameOrInputUsesAUuidAndEmptyObject() {
    ExecutionDescription run =
        sfn.service.startExecution(sfn.createMachine(WAIT_AN_HOUR), null, null);
    assertTrue(run.name().matches("[0-9a-f-]{36}"), run.name());
    assertEquals("{}", sfn.describe(run.executionArn()).input());
  }

  @Test
  void createIsIdempotentForTheSameDefinitionAndRefusesAnother() {
    StateMachineDescription created = sfn.service.createStateMachine("m", WAIT_AN_HOUR, ROLE, null);
    assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:m", created.stateMachineArn());
    assertEquals(
        created.stateMachineArn(),
        sfn.service.createStateMachine("m", WAIT_AN_HOUR, ROLE, null).stateMachineArn());
    assertEquals(
        "StateMachineAlreadyExists",
        errorCode(
            () ->
                sfn.service.createStateMachine(
                    "m",
                    "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}",
                    ROLE,
                    null)));
  }

  @Test
  void updateAppliesToNewExecutionsOnly() {
    String machine = sfn.createMachine(WAIT_AN_HOUR);
    String old = sfn.service.startExecution(machine, "old", "{}").executionArn();
    sfn.service.updateStateMachine(
        machine,
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"new\",\"End\":true}}}",
        null);
    String fresh = sfn.service.startExecution(machine, "fresh", "{}").executionArn();
    assertEquals(json("\"new\""), sfn.output(sfn.describe(fresh)));
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(old).status());
    assertTrue(sfn.service.describeStateMachine(machine).definition().contains("new"));
  }

  @Test
  void deleteAndList() {
    String machine = sfn.createMachine(WAIT_AN_HOUR);
    String execution = sfn.service.startExecution(machine, "e", "{}").executionArn();
    assertEquals(1, sfn.service.listStateMachines().size());
    sfn.service.deleteStateMachine(machine);
    assertEquals(0, sfn.service.listStateMachines().size());
    assertEquals(
        "StateMachineDoesNotExist", errorCode(() -> sfn.service.describeStateMachine(machine)));
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(execution).status());
  }

  @Test
  void realTimeClockRunsExecutionsAsynchronously() throws Exception {
    try (StepFunctionsEmulator real =
        StepFunctionsEmulator.builder((fn, payload) -> TextNode.valueOf("from " + fn)).build()) {
      StepFunctionsService service = real.service();
      String machine =
          service
              .createStateMachine(
                  "rt",
                  """
          {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:a","End":true}}},
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":0,"End":true}}}],"End":true}}}""",
                  ROLE,
                  null)
              .stateMachineArn();
      String arn = service.startExecution(machine, "e", "{}").executionArn();
      ExecutionDescription done =
          service.awaitStatus(arn, ExecutionStatus.SUCCEEDED, Duration.ofSeconds(30));
      assertEquals(
          json("[\"from arn:aws:lambda:us-east-1:000000000000:function:a\",{}]"),
          json(done.output()));
      assertNotEquals(null, done.stopDate());
      assertThrows(IllegalStateException.class, real::manualClock);
    }
  }
}
