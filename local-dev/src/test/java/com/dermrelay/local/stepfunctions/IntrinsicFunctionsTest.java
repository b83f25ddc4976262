package com.dermrelay.local.stepfunctions;

import static com.dermrelay.local.stepfunctions.SfnHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicFunctionsTest {
  private final SfnHarness sfn = new SfnHarness();

  @AfterEach
  void close() {
    sfn.close();
  }

  private ExecutionDescription evaluate(String expression, String input) {
    com.fasterxml.jackson.databind.node.ObjectNode state =
        com.dermrelay.local.http.Exchanges.JSON.createObjectNode();
    state.put("Type", "Pass");
    state.putObject("Parameters").put("v.$", expression);
    return sfn.run(SfnHarness.single(state.toString()), input);
  }

  private JsonNode value(String expression, String input) {
    return sfn.output(evaluate(expression, input)).get("v");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "States.Format('Hello, {}! You are {}.', $.name, $.age)|\"Hello, Ann! You are 30.\"",
        "States.Format('braces \\{\\} and quote \\' stay')|\"braces {} and quote ' stay\"",
        "States.StringToJson($.json)|{\"x\":[1,2]}",
        "States.JsonToString($.obj)|\"{\\\"k\\\":\\\"v\\\"}\"",
        "States.Array(1, 'two', $.age, true, null)|[1,\"two\",30,true,null]",
        "States.Array()|[]",
        "States.MathAdd($.age, -5)|25",
        "States.MathAdd(States.ArrayLength($.list), 1)|4",
        "States.ArrayLength($.list)|3",
        "States.ArrayGetItem($.list, 1)|\"b\"",
        "States.ArrayContains($.list, 'c')|true",
        "States.ArrayContains($.list, 'z')|false",
        "States.ArrayPartition($.list, 2)|[[\"a\",\"b\"],[\"c\"]]",
        "States.ArrayRange(1, 9, 3)|[1,4,7]",
        "States.ArrayUnique(States.Array(1, 2, 1, 2))|[1,2]",
        "States.Base64Encode('hello')|\"aGVsbG8=\"",
        "States.Base64Decode('aGVsbG8=')|\"hello\"",
        "States.Hash('abc', 'SHA-256')|\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"",
        "States.JsonMerge($.obj, States.StringToJson('{\"k\":\"w\",\"n\":1}'), false)|{\"k\":\"w\",\"n\":1}",
        "States.StringSplit('a,b;;c', ',;')|[\"a\",\"b\",\"c\"]",
        "States.Format('{}', $$.State.Name)|\"S\"",
      })
  void evaluates(String expression, String expected) {
    String input =
        "{\"name\":\"Ann\",\"age\":30,\"json\":\"{\\\"x\\\":[1,2]}\",\"obj\":{\"k\":\"v\"},\"list\":[\"a\",\"b\",\"c\"]}";
    assertEquals(json(expected), value(expression, input));
  }

  @Test
  void uuidIsARandomVersion4Uuid() {
    String first = value("States.UUID()", "{}").textValue();
    String second = value("States.UUID()", "{}").textValue();
    assertTrue(
        first.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        first);
    assertTrue(!first.equals(second));
  }

  @Test
  void mathRandomWithSeedStaysInRange() {
    int n = value("States.MathRandom(10, 20, 7)", "{}").intValue();
    assertTrue(n >= 10 && n < 20, "got " + n);
  }

  @Test
  void failuresAreStatesRuntime() {
    ExecutionDescription badJson = evaluate("States.StringToJson($.s)", "{\"s\":\"{not json\"}");
    assertEquals("States.Runtime", badJson.error());
    assertTrue(badJson.cause().contains("States.StringToJson"), badJson.cause());
    assertEquals("States.Runtime", evaluate("States.ArrayGetItem($.l, 5)", "{\"l\":[1]}").error());
    assertEquals("States.Runtime", evaluate("States.Format('{} {}', $.l)", "{\"l\":1}").error());
    assertEquals("States.Runtime", evaluate("States.MathAdd($.l, 1)", "{\"l\":\"x\"}").error());
    assertEquals("States.Runtime", evaluate("States.Format('{}', $.missing)", "{}").error());
  }
}
