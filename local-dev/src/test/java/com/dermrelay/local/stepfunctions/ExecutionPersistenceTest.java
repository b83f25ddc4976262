package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executions kept in a data directory survive the emulator: a new emulator on the same directory
 * (as after a crash: the old one is never closed) describes them and runs the running ones on from
 * where they were, a waiting task on the very token its function was given.
 */
class ExecutionPersistenceTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:m";

  private static final String CALLBACK_THEN_WAIT =
      """
      {"StartAt":"Ask","States":{
        "Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
               "Parameters":{"FunctionName":"ask","Payload":{"token.$":"$$.Task.Token"}},
               "TimeoutSeconds":100,"ResultPath":"$.answer",
               "Catch":[{"ErrorEquals":["States.Timeout"],"ResultPath":"$.late","Next":"Late"}],
               "Next":"Rest"},
        "Rest":{"Type":"Wait","Seconds":60,"Next":"Tell"},
        "Tell":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                "Parameters":{"FunctionName":"tell","Payload":{"answer.$":"$.answer"}},
                "ResultPath":null,"End":true},
        "Late":{"Type":"Fail","Error":"Late"}}}""";

  @TempDir Path dir;
  private final List<StepFunctionsEmulator> emulators = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final List<JsonNode> payloads = new ArrayList<>();
  private ManualClock clock = new ManualClock();

  @AfterEach
  void close() {
    emulators.forEach(StepFunctionsEmulator::close);
  }

  /** An emulator on the data directory, its clock starting where the previous one's stood. */
  private StepFunctionsService emulator() {
    clock = new ManualClock(clock.now());
    StepFunctionsEmulator emulator =
        StepFunctionsEmulator.builder(this::invoke).clock(clock).dataDir(dir).build();
    emulators.add(emulator);
    StepFunctionsService service = emulator.service();
    service.createStateMachine("m", CALLBACK_THEN_WAIT, "arn:aws:iam::000000000000:role/r", null);
    service.resumePersistedExecutions();
    return service;
  }

  private JsonNode invoke(String function, JsonNode payload) {
    synchronized (calls) {
      calls.add(function);
      payloads.add(payload);
    }
    return TextNode.valueOf("ok");
  }

  private String firstToken() {
    return payloads.get(0).get("token").textValue();
  }

  @Test
  void aTokenHandedOutBeforeARestartStillCompletesTheTask() throws Exception {
    StepFunctionsService before = emulator();
    String arn = before.startExecution(MACHINE, "case-1", "{\"case\":\"c-1\"}").executionArn();
    assertEquals(List.of("ask"), calls);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".json")).count(), "one file");
    }

    StepFunctionsService after = emulator();
    assertEquals(ExecutionStatus.RUNNING, after.describeExecution(arn).status());
    after.sendTaskSuccess(firstToken(), "{\"decision\":\"benign\"}");
    clock.advance(Duration.ofSeconds(60));

    assertEquals(ExecutionStatus.SUCCEEDED, after.describeExecution(arn).status());
    assertEquals(List.of("ask", "tell"), calls, "the waiting function is not run twice");
    assertEquals(json("{\"answer\":{\"decision\":\"benign\"}}"), payloads.get(1));
    List<String> types = after.getExecutionHistory(arn).stream().map(HistoryEvent::type).toList();
    assertEquals("ExecutionStarted", types.get(0));
    assertEquals("ExecutionSucceeded", types.get(types.size() - 1));
  }

  @Test
  void aWaitingTaskKeepsItsDeadlineAcrossARestart() {
    StepFunctionsService before = emulator();
    String arn = before.startExecution(MACHINE, "case-2", "{}").executionArn();
    clock.advance(Duration.ofSeconds(70));

    StepFunctionsService after = emulator();
    clock.advance(Duration.ofSeconds(29));
    assertEquals(ExecutionStatus.RUNNING, after.describeExecution(arn).status());
    clock.advance(Duration.ofSeconds(1));

    ExecutionDescription ended = after.describeExecution(arn);
    assertEquals(ExecutionStatus.FAILED, ended.status());
    assertEquals("Late", ended.error());
  }

  @Test
  void aWaitStateKeepsItsDeadlineAndAnEndedExecutionStaysDescribable() {
    StepFunctionsService before = emulator();
    String arn = before.startExecution(MACHINE, "case-3", "{}").executionArn();
    before.sendTaskSuccess(firstToken(), "{\"decision\":\"benign\"}");
    clock.advance(Duration.ofSeconds(45));

    StepFunctionsService after = emulator();
    clock.advance(Duration.ofSeconds(14));
    assertEquals(ExecutionStatus.RUNNING, after.describeExecution(arn).status());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(ExecutionStatus.SUCCEEDED, after.describeExecution(arn).status());
    assertEquals(List.of("ask", "tell"), calls);

    StepFunctionsService later = emulator();
    assertEquals(ExecutionStatus.SUCCEEDED, later.describeExecution(arn).status());
    assertEquals(after.getExecutionHistory(arn).size(), later.getExecutionHistory(arn).size());
    assertEquals(List.of("ask", "tell"), calls, "an ended execution is not run again");
    StepFunctionsException spent =
        assertThrows(StepFunctionsException.class, () -> later.sendTaskSuccess(firstToken(), "{}"));
    assertEquals("TaskDoesNotExist", spent.errorCode());
  }

  @Test
  void onRealTimeAndAPoolAsLocalDevRunsItTheTokenStillWorksAfterARestart() {
    String machine =
        "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
            + "\"Parameters\":{\"FunctionName\":\"ask\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},"
            + "\"End\":true}}}";
    StepFunctionsEmulator before = StepFunctionsEmulator.builder(this::invoke).dataDir(dir).build();
    emulators.add(before);
    before.service().createStateMachine("m", machine, null, null);
    String arn = before.service().startExecution(MACHINE, "case-5", "{}").executionArn();
    awaitCalls(1);
    awaitStored(firstToken()); // the function has returned and the wait on its token is kept

    StepFunctionsEmulator after = StepFunctionsEmulator.builder(this::invoke).dataDir(dir).build();
    emulators.add(after);
    after.service().createStateMachine("m", machine, null, null);
    after.service().resumePersistedExecutions();
    after.service().sendTaskSuccess(firstToken(), "{\"decision\":\"benign\"}");

    ExecutionDescription done =
        after.awaitStatus(arn, ExecutionStatus.SUCCEEDED, Duration.ofSeconds(10));
    assertEquals(json("{\"decision\":\"benign\"}"), json(done.output()));
    assertEquals(1, calls.size(), "the function ran once");
  }

  private void awaitCalls(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (callCount() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(count, callCount());
  }

  private void awaitStored(String token) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!stored(token) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(stored(token), "the checkpoint holds the token");
  }

  private boolean stored(String token) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        // The checkpoint's token, not the history's (TaskScheduled names it before the call).
        if (token.equals(json(Files.readString(file)).path("checkpoint").path("token").asText())) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException e) {
      return false; // a file moved under us: look again
    }
  }

  private int callCount() {
    synchronized (calls) {
      return calls.size();
    }
  }

  @Test
  void withoutADataDirectoryNothingIsKept() {
    StepFunctionsEmulator memory = StepFunctionsEmulator.builder(this::invoke).clock(clock).build();
    emulators.add(memory);
    memory.service().createStateMachine("m", CALLBACK_THEN_WAIT, null, null);
    memory.service().startExecution(MACHINE, "case-4", "{}");
    StepFunctionsService after = emulator();
    StepFunctionsException missing =
        assertThrows(
            StepFunctionsException.class,
            () ->
                after.describeExecution(MACHINE.replace("stateMachine", "execution") + ":case-4"));
    assertEquals("ExecutionDoesNotExist", missing.errorCode());
  }
}
