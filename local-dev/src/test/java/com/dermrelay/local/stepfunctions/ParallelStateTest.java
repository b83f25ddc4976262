package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelStateTest {
  private final SfnHarness sfn = new SfnHarness();

  @AfterEach
  void close() {
    sfn.close();
  }

  private static String parallel(String branches, String extra) {
    return """
        {"StartAt":"P","States":{
          "P":{"Type":"Parallel","Branches":[%s]%s,"Next":"Done"},
          "Done":{"Type":"Pass","End":true},
          "Caught":{"Type":"Pass","End":true}}}"""
        .formatted(branches, extra);
  }

  private static String branch(String state) {
    return "{\"StartAt\":\"B\",\"States\":{\"B\":" + state + "}}";
  }

  @Test
  void outputsAreInBranchOrderEvenWhenBranchesFinishOutOfOrder() {
    String definition =
        parallel(
            branch("{\"Type\":\"Wait\",\"Seconds\":10,\"OutputPath\":\"$.a\",\"End\":true}")
                + ","
                + branch("{\"Type\":\"Pass\",\"InputPath\":\"$.b\",\"End\":true}")
                + ","
                + "{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"Result\":\"x\",\"Next\":\"Y\"},\"Y\":{\"Type\":\"Succeed\"}}}",
            ",\"ResultPath\":\"$.results\"");
    String arn = sfn.start(definition, "{\"a\":1,\"b\":2}");
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(arn).status());
    sfn.clock.advance(Duration.ofSeconds(10));
    assertEquals(json("{\"a\":1,\"b\":2,\"results\":[1,2,\"x\"]}"), sfn.output(sfn.describe(arn)));
    var types = sfn.eventTypes(arn);
    assertEquals("ParallelStateEntered", types.get(1));
    assertEquals("ParallelStateStarted", types.get(2));
    assertTrue(types.indexOf("ParallelStateSucceeded") > types.lastIndexOf("WaitStateExited"));
    assertEquals("ParallelStateExited", types.get(types.size() - 4));
  }

  @Test
  void parametersAndResultSelector() {
    String definition =
        parallel(
            branch("{\"Type\":\"Pass\",\"End\":true}")
                + ","
                + branch("{\"Type\":\"Pass\",\"Result\":2,\"End\":true}"),
            ",\"Parameters\":{\"v.$\":\"$.x\"},\"ResultSelector\":{\"first.$\":\"$[0].v\",\"second.$\":\"$[1]\"}");
    assertEquals(
        json("{\"first\":\"X\",\"second\":2}"), sfn.output(sfn.run(definition, "{\"x\":\"X\"}")));
  }

  @Test
  void aFailingBranchFailsTheParallelAndStopsTheOthers() {
    sfn.function("never", p -> TextNode.valueOf("unused"));
    String definition =
        parallel(
            branch(
                    "{\"Type\":\"Wait\",\"Seconds\":5,\"Next\":\"Late\"},\"Late\":{\"Type\":\"Pass\",\"End\":true}")
                + ","
                + branch("{\"Type\":\"Fail\",\"Error\":\"BranchBroke\",\"Cause\":\"b2\"}"),
            "");
    String arn = sfn.start(definition, "{}");
    ExecutionDescription run = sfn.describe(arn);
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("BranchBroke", run.error());
    assertEquals("b2", run.cause());
    assertTrue(sfn.eventTypes(arn).contains("ParallelStateFailed"));
    assertEquals(0, sfn.clock.pendingTimers(), "the waiting branch's timer is cancelled");
    int events = sfn.eventTypes(arn).size();
    sfn.clock.advance(Duration.ofSeconds(10));
    assertEquals(events, sfn.eventTypes(arn).size());
  }

  @Test
  void branchErrorIsCatchableOnTheParallel() {
    String definition =
        parallel(
            branch("{\"Type\":\"Pass\",\"End\":true}")
                + ","
                + branch("{\"Type\":\"Fail\",\"Error\":\"BranchBroke\",\"Cause\":\"b2\"}"),
            ",\"Catch\":[{\"ErrorEquals\":[\"BranchBroke\"],\"ResultPath\":\"$.err\",\"Next\":\"Caught\"}]");
    assertEquals(
        json("{\"in\":1,\"err\":{\"Error\":\"BranchBroke\",\"Cause\":\"b2\"}}"),
        sfn.output(sfn.run(definition, "{\"in\":1}")));
  }

  @Test
  void parallelRetryRerunsAllBranches() {
    int[] calls = {0};
    sfn.function(
        "flaky",
        p -> {
          calls[0]++;
          if (calls[0] == 1) {
            throw new TaskFailedException("Flaky", "first time");
          }
          return TextNode.valueOf("ok");
        });
    String definition =
        parallel(
            branch(
                "{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:flaky\",\"End\":true}"),
            ",\"Retry\":[{\"ErrorEquals\":[\"Flaky\"],\"IntervalSeconds\":3}]");
    String arn = sfn.start(definition, "{}");
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(arn).status());
    sfn.clock.advance(Duration.ofSeconds(3));
    assertEquals(json("[\"ok\"]"), sfn.output(sfn.describe(arn)));
  }

  @Test
  void runtimeErrorInABranchFailsTheExecutionDespiteCatch() {
    String definition =
        parallel(
            branch("{\"Type\":\"Pass\",\"InputPath\":\"$.missing\",\"End\":true}"),
            ",\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Caught\"}]");
    assertEquals("States.Runtime", sfn.run(definition, "{}").error());
  }

  @Test
  void branchesCannotJumpOutOfTheirBranch() {
    String definition = parallel(branch("{\"Type\":\"Pass\",\"Next\":\"Done\"}"), "");
    assertEquals(
        "InvalidDefinition",
        assertThrows(StepFunctionsException.class, () -> sfn.createMachine(definition))
            .errorCode());
  }

  @Test
  void nestedParallelAndCallbackInABranch() {
    sfn.function("notify", p -> TextNode.valueOf("ignored"));
    String inner =
        "{\"Type\":\"Parallel\",\"Branches\":["
            + branch("{\"Type\":\"Pass\",\"Result\":\"inner\",\"End\":true}")
            + "],\"End\":true}";
    String callback =
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
            + "\"Parameters\":{\"FunctionName\":\"notify\",\"Payload\":{\"t.$\":\"$$.Task.Token\"}},\"End\":true}";
    String arn = sfn.start(parallel(branch(inner) + "," + branch(callback), ""), "{}");
    assertEquals(ExecutionStatus.RUNNING, sfn.describe(arn).status());
    sfn.service.sendTaskSuccess(sfn.calls().get(0).payload().get("t").textValue(), "\"answered\"");
    assertEquals(json("[[\"inner\"],\"answered\"]"), sfn.output(sfn.describe(arn)));
  }
}
