package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pass, Succeed and Fail states and the input/output processing the AWS docs describe. */
class DataFlowTest {
  private final SfnHarness sfn = new SfnHarness();

  @AfterEach
  void close() {
    sfn.close();
  }

  private JsonNode pass(String state, String input) {
    return sfn.output(sfn.run(SfnHarness.single(state), input));
  }

  @Test
  void passWithoutResultPassesInputThrough() {
    assertEquals(json("{\"a\":1}"), pass("{\"Type\":\"Pass\"}", "{\"a\":1}"));
  }

  @Test
  void resultReplacesInputByDefault() {
    assertEquals(
        json("{\"r\":true}"), pass("{\"Type\":\"Pass\",\"Result\":{\"r\":true}}", "{\"a\":1}"));
  }

  @Test
  void resultPathMergesIntoInput() {
    assertEquals(
        json("{\"a\":1,\"res\":\"x\"}"),
        pass("{\"Type\":\"Pass\",\"Result\":\"x\",\"ResultPath\":\"$.res\"}", "{\"a\":1}"));
  }

  @Test
  void resultPathOverwritesAnExistingField() {
    assertEquals(
        json("{\"a\":\"x\"}"),
        pass("{\"Type\":\"Pass\",\"Result\":\"x\",\"ResultPath\":\"$.a\"}", "{\"a\":{\"old\":1}}"));
  }

  @Test
  void resultPathCreatesNestedObjects() {
    assertEquals(
        json("{\"a\":1,\"b\":{\"c\":{\"d\":\"x\"}}}"),
        pass("{\"Type\":\"Pass\",\"Result\":\"x\",\"ResultPath\":\"$.b.c.d\"}", "{\"a\":1}"));
    assertEquals(
        json("{\"b\":{\"keep\":1,\"c\":\"x\"}}"),
        pass(
            "{\"Type\":\"Pass\",\"Result\":\"x\",\"ResultPath\":\"$['b']['c']\"}",
            "{\"b\":{\"keep\":1}}"));
  }

  @Test
  void resultPathNullDiscardsTheResult() {
    assertEquals(
        json("{\"a\":1}"),
        pass("{\"Type\":\"Pass\",\"Result\":\"x\",\"ResultPath\":null}", "{\"a\":1}"));
  }

  @Test
  void resultPathIntoANonObjectFailsWithResultPathMatchFailure() {
    ExecutionDescription run =
        sfn.run(
            SfnHarness.single("{\"Type\":\"Pass\",\"Result\":\"x\",\"ResultPath\":\"$.a.b\"}"),
            "{\"a\":\"text\"}");
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.ResultPathMatchFailure", run.error());
    ExecutionDescription onString =
        sfn.run(
            SfnHarness.single("{\"Type\":\"Pass\",\"Result\":\"x\",\"ResultPath\":\"$.a\"}"),
            "\"text\"");
    assertEquals("States.ResultPathMatchFailure", onString.error());
  }

  @Test
  void resultPathMergesIntoTheRawInputNotTheEffectiveInput() {
    assertEquals(
        json("{\"in\":{\"v\":1},\"other\":2,\"res\":{\"v\":1}}"),
        pass(
            "{\"Type\":\"Pass\",\"InputPath\":\"$.in\",\"ResultPath\":\"$.res\"}",
            "{\"in\":{\"v\":1},\"other\":2}"));
  }

  @Test
  void inputPathSelectsAndNullGivesEmptyObject() {
    assertEquals(
        json("{\"v\":1}"),
        pass("{\"Type\":\"Pass\",\"InputPath\":\"$.in\"}", "{\"in\":{\"v\":1}}"));
    assertEquals(json("{}"), pass("{\"Type\":\"Pass\",\"InputPath\":null}", "{\"in\":{\"v\":1}}"));
  }

  @Test
  void outputPathSelectsAndNullGivesEmptyObject() {
    assertEquals(
        json("2"), pass("{\"Type\":\"Pass\",\"OutputPath\":\"$.b\"}", "{\"a\":1,\"b\":2}"));
    assertEquals(json("{}"), pass("{\"Type\":\"Pass\",\"OutputPath\":null}", "{\"a\":1}"));
  }

  @Test
  void missingInputPathIsAStatesRuntimeFailure() {
    ExecutionDescription run =
        sfn.run(SfnHarness.single("{\"Type\":\"Pass\",\"InputPath\":\"$.nope\"}"), "{\"a\":1}");
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.Runtime", run.error());
    assertTrue(run.cause().contains("$.nope"), run.cause());
  }

  @Test
  void parametersBuildANewInputWithPathsAndNesting() {
    JsonNode out =
        pass(
            """
        {"Type":"Pass","Parameters":{
           "static":"s","fromInput.$":"$.a","nested":{"deep.$":"$.b.c"},
           "list":[{"item.$":"$.a"}, 7],
           "all.$":"$.items[*].id"}}""",
            "{\"a\":1,\"b\":{\"c\":\"C\"},\"items\":[{\"id\":\"x\"},{\"id\":\"y\"}]}");
    assertEquals(
        json(
            "{\"static\":\"s\",\"fromInput\":1,\"nested\":{\"deep\":\"C\"},\"list\":[{\"item\":1},7],\"all\":[\"x\",\"y\"]}"),
        out);
  }

  @Test
  void parametersPathNotFoundFailsWithStatesRuntimeNamingTheField() {
    ExecutionDescription run =
        sfn.run(
            SfnHarness.single("{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"$.missing\"}}"), "{}");
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.Runtime", run.error());
    assertTrue(run.cause().contains("'x.$'") && run.cause().contains("$.missing"), run.cause());
  }

  @Test
  void parametersAreAppliedAfterInputPathAndBeforeResultPath() {
    JsonNode out =
        pass(
            "{\"Type\":\"Pass\",\"InputPath\":\"$.in\",\"Parameters\":{\"v.$\":\"$.v\"},\"ResultPath\":\"$.p\",\"OutputPath\":\"$.p\"}",
            "{\"in\":{\"v\":5}}");
    assertEquals(json("{\"v\":5}"), out);
  }

  @Test
  void contextObject() {
    String arn =
        sfn.start(
            SfnHarness.single(
                """
        {"Type":"Pass","Parameters":{"id.$":"$$.Execution.Id","name.$":"$$.Execution.Name","input.$":"$$.Execution.Input",
           "start.$":"$$.Execution.StartTime","role.$":"$$.Execution.RoleArn","state.$":"$$.State.Name",
           "entered.$":"$$.State.EnteredTime","retry.$":"$$.State.RetryCount","sm.$":"$$.StateMachine.Id",
           "smName.$":"$$.StateMachine.Name"}}"""),
            "{\"k\":\"v\"}");
    ExecutionDescription run = sfn.describe(arn);
    JsonNode out = sfn.output(run);
    assertEquals(arn, out.get("id").textValue());
    assertEquals(run.name(), out.get("name").textValue());
    assertEquals(json("{\"k\":\"v\"}"), out.get("input"));
    assertEquals("2025-01-01T00:00:00.000Z", out.get("start").textValue());
    assertEquals("arn:aws:iam::000000000000:role/sfn", out.get("role").textValue());
    assertEquals("S", out.get("state").textValue());
    assertEquals("2025-01-01T00:00:00.000Z", out.get("entered").textValue());
    assertEquals(0, out.get("retry").intValue());
    assertEquals(run.stateMachineArn(), out.get("sm").textValue());
    assertTrue(run.stateMachineArn().endsWith(":stateMachine:" + out.get("smName").textValue()));
  }

  @Test
  void succeedAppliesInputAndOutputPath() {
    assertEquals(
        json("1"),
        sfn.output(
            sfn.run(
                "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\",\"InputPath\":\"$.a\",\"OutputPath\":\"$.b\"}}}",
                "{\"a\":{\"b\":1}}")));
  }

  @Test
  void failWithErrorAndCause() {
    ExecutionDescription run =
        sfn.run(
            "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Custom\",\"Cause\":\"because\"}}}",
            "{}");
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("Custom", run.error());
    assertEquals("because", run.cause());
  }

  @Test
  void failWithErrorPathAndCausePath() {
    ExecutionDescription run =
        sfn.run(
            "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"ErrorPath\":\"$.e\",\"CausePath\":\"States.Format('code {}', $.c)\"}}}",
            "{\"e\":\"Dynamic\",\"c\":42}");
    assertEquals("Dynamic", run.error());
    assertEquals("code 42", run.cause());
  }

  @Test
  void failWithErrorPathToANonStringIsRuntime() {
    ExecutionDescription run =
        sfn.run(
            "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"ErrorPath\":\"$.e\"}}}",
            "{\"e\":1}");
    assertEquals("States.Runtime", run.error());
  }

  @Test
  void statesRunInSequenceAndHistoryChainsEvents() {
    String arn =
        sfn.start(
            """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"B"},
          "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","End":true}}}""",
            "{}");
    assertEquals(json("{\"a\":1,\"b\":2}"), sfn.output(sfn.describe(arn)));
    var events = sfn.service.getExecutionHistory(arn);
    assertEquals(
        java.util.List.of(
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"),
        sfn.eventTypes(arn));
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).id());
      assertEquals(i, events.get(i).previousEventId());
    }
    assertEquals("{\"a\":1}", events.get(2).details().get("output").textValue());
    assertEquals("B", events.get(3).details().get("name").textValue());
  }
}
