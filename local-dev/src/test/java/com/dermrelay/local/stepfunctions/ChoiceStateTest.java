package com.dermrelay.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceStateTest {
  private final SfnHarness sfn = new SfnHarness();

  @AfterEach
  void close() {
    sfn.close();
  }

  /** Runs a Choice with {@code rule} and a Default; answers "yes" or "no". */
  private String decide(String rule, String input) {
    String definition =
        """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[%s],"Default":"No"},
          "Yes":{"Type":"Pass","Result":"yes","End":true},
          "No":{"Type":"Pass","Result":"no","End":true}}}"""
            .formatted(rule.replace("}$", ",\"Next\":\"Yes\"}"));
    return sfn.output(sfn.run(definition, input)).textValue();
  }

  private static String rule(String operator, String operand) {
    return "{\"Variable\":\"$.v\",\"" + operator + "\":" + operand + "}$";
  }

  @ParameterizedTest(name = "{0} {2} on v={1} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "StringEquals|\"abc\"|\"abc\"|yes",
        "StringEquals|\"abc\"|\"abd\"|no",
        "StringEquals|1|\"1\"|no",
        "StringLessThan|\"abc\"|\"abd\"|yes",
        "StringLessThan|\"abd\"|\"abd\"|no",
        "StringGreaterThan|\"b\"|\"a\"|yes",
        "StringGreaterThan|\"a\"|\"b\"|no",
        "StringLessThanEquals|\"a\"|\"a\"|yes",
        "StringLessThanEquals|\"b\"|\"a\"|no",
        "StringGreaterThanEquals|\"a\"|\"a\"|yes",
        "StringGreaterThanEquals|\"a\"|\"b\"|no",
        "StringMatches|\"log-2024.txt\"|\"log-*.txt\"|yes",
        "StringMatches|\"log-2024.csv\"|\"log-*.txt\"|no",
        "StringMatches|\"a*b\"|\"a\\\\*b\"|yes",
        "StringMatches|\"axb\"|\"a\\\\*b\"|no",
        "StringMatches|\"a\\\\b\"|\"a\\\\\\\\b\"|yes",
        "StringMatches|\"anything\"|\"*\"|yes",
        "NumericEquals|1.0|1|yes",
        "NumericEquals|2|1|no",
        "NumericEquals|\"1\"|1|no",
        "NumericLessThan|1|1.5|yes",
        "NumericLessThan|2|1.5|no",
        "NumericGreaterThan|2|1.5|yes",
        "NumericGreaterThan|1|1.5|no",
        "NumericLessThanEquals|1.5|1.5|yes",
        "NumericLessThanEquals|1.6|1.5|no",
        "NumericGreaterThanEquals|1.5|1.5|yes",
        "NumericGreaterThanEquals|1.4|1.5|no",
        "BooleanEquals|true|true|yes",
        "BooleanEquals|false|true|no",
        "BooleanEquals|\"true\"|true|no",
        "TimestampEquals|\"2025-01-01T01:00:00+01:00\"|\"2025-01-01T00:00:00Z\"|yes",
        "TimestampEquals|\"2025-01-01T00:00:01Z\"|\"2025-01-01T00:00:00Z\"|no",
        "TimestampEquals|\"not a time\"|\"2025-01-01T00:00:00Z\"|no",
        "TimestampLessThan|\"2024-12-31T23:59:59Z\"|\"2025-01-01T00:00:00Z\"|yes",
        "TimestampLessThan|\"2025-01-01T00:00:00Z\"|\"2025-01-01T00:00:00Z\"|no",
        "TimestampGreaterThan|\"2025-01-01T00:00:00.001Z\"|\"2025-01-01T00:00:00Z\"|yes",
        "TimestampGreaterThan|\"2024-01-01T00:00:00Z\"|\"2025-01-01T00:00:00Z\"|no",
        "TimestampLessThanEquals|\"2025-01-01T00:00:00Z\"|\"2025-01-01T00:00:00Z\"|yes",
        "TimestampLessThanEquals|\"2025-01-02T00:00:00Z\"|\"2025-01-01T00:00:00Z\"|no",
        "TimestampGreaterThanEquals|\"2025-01-01T00:00:00Z\"|\"2025-01-01T00:00:00Z\"|yes",
        "TimestampGreaterThanEquals|\"2024-01-02T00:00:00Z\"|\"2025-01-01T00:00:00Z\"|no",
        "IsNull|null|true|yes",
        "IsNull|0|true|no",
        "IsNull|0|false|yes",
        "IsNumeric|3.5|true|yes",
        "IsNumeric|\"3.5\"|true|no",
        "IsString|\"x\"|true|yes",
        "IsString|1|true|no",
        "IsBoolean|false|true|yes",
        "IsBoolean|\"false\"|true|no",
        "IsTimestamp|\"2025-01-01T00:00:00Z\"|true|yes",
        "IsTimestamp|\"2025-01-01t00:00:00z\"|true|no",
        "IsTimestamp|\"2025-01-01\"|true|no",
      })
  void comparisonWithLiteral(String operator, String value, String operand, String expected) {
    assertEquals(expected, decide(rule(operator, operand), "{\"v\":" + value + "}"));
  }

  @ParameterizedTest(name = "{0}Path v={1} other={2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "StringEquals|\"a\"|\"a\"|yes",
        "StringEquals|\"a\"|\"b\"|no",
        "StringLessThan|\"a\"|\"b\"|yes",
        "StringGreaterThan|\"a\"|\"b\"|no",
        "StringLessThanEquals|\"b\"|\"b\"|yes",
        "StringGreaterThanEquals|\"a\"|\"b\"|no",
        "NumericEquals|5|5.0|yes",
        "NumericLessThan|5|4|no",
        "NumericGreaterThan|5|4|yes",
        "NumericLessThanEquals|4|4|yes",
        "NumericGreaterThanEquals|3|4|no",
        "BooleanEquals|true|true|yes",
        "BooleanEquals|true|false|no",
        "TimestampEquals|\"2025-01-01T00:00:00Z\"|\"2025-01-01T00:00:00Z\"|yes",
        "TimestampLessThan|\"2025-01-01T00:00:00Z\"|\"2025-01-02T00:00:00Z\"|yes",
        "TimestampGreaterThan|\"2025-01-01T00:00:00Z\"|\"2025-01-02T00:00:00Z\"|no",
        "TimestampLessThanEquals|\"2025-01-03T00:00:00Z\"|\"2025-01-02T00:00:00Z\"|no",
        "TimestampGreaterThanEquals|\"2025-01-03T00:00:00Z\"|\"2025-01-02T00:00:00Z\"|yes",
      })
  void comparisonWithPath(String operator, String value, String other, String expected) {
    String rule = "{\"Variable\":\"$.v\",\"" + operator + "Path\":\"$.other\"}$";
    assertEquals(expected, decide(rule, "{\"v\":" + value + ",\"other\":" + other + "}"));
  }

  @Test
  void isPresentDoesNotNeedTheVariable() {
    assertEquals("yes", decide(rule("IsPresent", "false"), "{}"));
    assertEquals("no", decide(rule("IsPresent", "true"), "{}"));
    assertEquals("yes", decide(rule("IsPresent", "true"), "{\"v\":null}"));
  }

  @Test
  void andOrNot() {
    String and =
        "{\"And\":[{\"Variable\":\"$.a\",\"NumericGreaterThan\":1},{\"Variable\":\"$.b\",\"StringEquals\":\"x\"}]}$";
    assertEquals("yes", decide(and, "{\"a\":2,\"b\":\"x\"}"));
    assertEquals("no", decide(and, "{\"a\":2,\"b\":\"y\"}"));
    String or =
        "{\"Or\":[{\"Variable\":\"$.a\",\"NumericGreaterThan\":1},{\"Variable\":\"$.b\",\"StringEquals\":\"x\"}]}$";
    assertEquals("yes", decide(or, "{\"a\":0,\"b\":\"x\"}"));
    assertEquals("no", decide(or, "{\"a\":0,\"b\":\"y\"}"));
    String not = "{\"Not\":{\"Variable\":\"$.a\",\"StringEquals\":\"x\"}}$";
    assertEquals("yes", decide(not, "{\"a\":\"y\"}"));
    assertEquals("no", decide(not, "{\"a\":\"x\"}"));
    String nested =
        "{\"And\":[{\"Not\":{\"Variable\":\"$.a\",\"IsNull\":true}},{\"Or\":[{\"Variable\":\"$.a\",\"NumericEquals\":1},{\"Variable\":\"$.a\",\"NumericEquals\":2}]}]}$";
    assertEquals("yes", decide(nested, "{\"a\":2}"));
    assertEquals("no", decide(nested, "{\"a\":3}"));
  }

  @Test
  void firstMatchingRuleWinsAndOutputIsTheInput() {
    String definition =
        """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","InputPath":"$.in","OutputPath":"$.keep","Choices":[
             {"Variable":"$.n","NumericGreaterThan":0,"Next":"First"},
             {"Variable":"$.n","NumericGreaterThan":1,"Next":"Second"}]},
          "First":{"Type":"Pass","ResultPath":"$.via","Result":"first","End":true},
          "Second":{"Type":"Pass","ResultPath":"$.via","Result":"second","End":true}}}""";
    assertEquals(
        SfnHarness.json("{\"k\":1,\"via\":\"first\"}"),
        sfn.output(sfn.run(definition, "{\"in\":{\"n\":5,\"keep\":{\"k\":1}}}")));
  }

  @Test
  void contextObjectVariable() {
    String rule = "{\"Variable\":\"$$.State.Name\",\"StringEquals\":\"C\"}$";
    assertEquals("yes", decide(rule, "{}"));
  }

  @Test
  void noMatchWithoutDefaultFailsWithNoChoiceMatched() {
    String definition =
        """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"D"}]},
          "D":{"Type":"Succeed"}}}""";
    ExecutionDescription run = sfn.run(definition, "{\"n\":2}");
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.NoChoiceMatched", run.error());
  }

  @Test
  void missingVariableIsARuntimeError() {
    ExecutionDescription run =
        sfn.run(
            """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Variable":"$.missing","StringEquals":"x","Next":"D"}],"Default":"D"},
          "D":{"Type":"Succeed"}}}""",
            "{}");
    assertEquals(ExecutionStatus.FAILED, run.status());
    assertEquals("States.Runtime", run.error());
  }

  @Test
  void historyRecordsChoiceEnteredAndExited() {
    String arn =
        sfn.start(
            """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"D"}]},
          "D":{"Type":"Succeed"}}}""",
            "{\"n\":1}");
    assertEquals(
        java.util.List.of(
            "ExecutionStarted",
            "ChoiceStateEntered",
            "ChoiceStateExited",
            "SucceedStateEntered",
            "SucceedStateExited",
            "ExecutionSucceeded"),
        sfn.eventTypes(arn));
  }
}
