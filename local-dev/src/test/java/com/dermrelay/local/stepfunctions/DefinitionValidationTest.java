package com.dermrelay.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionValidationTest {
  private final SfnHarness sfn = new SfnHarness();

  @AfterEach
  void close() {
    sfn.close();
  }

  private StepFunctionsException refused(String definition) {
    StepFunctionsException e =
        assertThrows(StepFunctionsException.class, () -> sfn.createMachine(definition));
    assertEquals("InvalidDefinition", e.errorCode());
    return e;
  }

  private void assertRefused(String definition, String... fragments) {
    String message = refused(definition).getMessage();
    for (String fragment : fragments) {
      assertTrue(
          message.contains(fragment),
          "message '" + message + "' should contain '" + fragment + "'");
    }
  }

  @Test
  void malformedJson() {
    assertRefused("{\"StartAt\": ", "INVALID_JSON_DESCRIPTION");
  }

  @Test
  void missingStartAt() {
    assertRefused("{\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "'StartAt' is required");
  }

  @Test
  void startAtNamesNoState() {
    assertRefused(
        "{\"StartAt\":\"B\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}",
        "MISSING_TRANSITION_TARGET",
        "B");
  }

  @Test
  void unknownNextTarget() {
    assertRefused(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}",
        "Missing 'Next' target: Nowhere",
        "/States/A");
  }

  @Test
  void unknownCatchTargetAndChoiceDefault() {
    assertRefused(
        """
        {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:f",
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Ghost"}],"End":true}}}""",
        "Ghost",
        "/States/A");
    assertRefused(
        """
        {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"D"}],"Default":"Ghost"},
          "D":{"Type":"Succeed"}}}""",
        "Ghost",
        "/States/C");
  }

  @Test
  void stateWithoutNextOrEnd() {
    assertRefused(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}",
        "either 'Next' or \"End\": true",
        "/States/A");
  }

  @Test
  void stateWithBothNextAndEnd() {
    assertRefused(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"A\",\"End\":true}}}",
        "both 'Next' and 'End'");
  }

  @Test
  void unknownStateType() {
    assertRefused(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Sleep\",\"End\":true}}}",
        "Unknown state type 'Sleep'",
        "/States/A/Type");
  }

  @Test
  void mapIsRefusedClearly() {
    assertRefused(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Map\",\"End\":true}}}",
        "Map state is not supported",
        "/States/A");
  }

  @Test
  void unsupportedFieldIsNamed() {
    assertRefused(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Seconds\":3,\"End\":true}}}",
        "Field 'Seconds' is not supported",
        "/States/A/Seconds");
    assertRefused(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Assign\":{},\"End\":true}}}",
        "not supported by the local Step Functions emulator");
  }

  @Test
  void unsupportedResource() {
    assertRefused(
        SfnHarness.single(
            "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:putItem\",\"Parameters\":{}}"),
        "arn:aws:states:::dynamodb:putItem",
        "is not supported",
        "/States/S/Resource");
  }

  @Test
  void lambdaInvokeNeedsFunctionNameAndKnownParameters() {
    assertRefused(
        SfnHarness.single(
            "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"Payload\":{}}}"),
        "FunctionName");
    assertRefused(
        SfnHarness.single(
            "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\",\"Bogus\":1}}"),
        "'Bogus'");
  }

  @Test
  void waitForTaskTokenMustPassTheToken() {
    assertRefused(
        SfnHarness.single(
            "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\",\"Parameters\":{\"FunctionName\":\"f\"}}"),
        "$$.Task.Token");
  }

  @Test
  void statesAllMustBeAloneAndLast() {
    assertRefused(
        SfnHarness.single(
            """
        {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:f",
         "Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}]}"""),
        "States.ALL",
        "/States/S/Retry/0");
    assertRefused(
        SfnHarness.single(
            """
        {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:f",
         "Retry":[{"ErrorEquals":["States.ALL","X"]}]}"""),
        "States.ALL must appear alone");
    assertRefused(
        """
        {"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:f",
         "Catch":[{"ErrorEquals":["States.ALL"],"Next":"E"},{"ErrorEquals":["X"],"Next":"E"}],"End":true},"E":{"Type":"Succeed"}}}""",
        "/States/S/Catch/0");
  }

  @Test
  void unknownPredefinedErrorName() {
    assertRefused(
        SfnHarness.single(
            """
        {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:f","Retry":[{"ErrorEquals":["States.Oops"]}]}"""),
        "States.Oops");
  }

  @Test
  void jsonataIsRefused() {
    assertRefused(
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}",
        "JSONata");
  }

  @Test
  void jsonPathQueryLanguageIsAccepted() {
    String arn =
        sfn.createMachine(
            "{\"QueryLanguage\":\"JSONPath\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
    assertTrue(arn.endsWith(":stateMachine:sm-1"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"nope\"}}|must be a valid JSONPath or a valid intrinsic",
        "{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"States.Nope(1)\"}}|unknown intrinsic function",
        "{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"States.MathAdd(1)\"}}|takes 2 argument",
        "{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"States.Format('x\"}}|unterminated string",
        "{\"Type\":\"Pass\",\"ResultPath\":\"$.a[*]\"}|ResultPath",
        "{\"Type\":\"Pass\",\"InputPath\":\"$[\"}|InputPath",
        "{\"Type\":\"Wait\",\"Seconds\":1,\"Timestamp\":\"2025-01-01T00:00:00Z\"}|exactly one of",
        "{\"Type\":\"Wait\",\"Timestamp\":\"2025-01-01 00:00\"}|RFC 3339",
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:f\",\"TimeoutSeconds\":5,\"HeartbeatSeconds\":5}|smaller than 'TimeoutSeconds'",
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:f\",\"TimeoutSeconds\":0}|TimeoutSeconds",
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:f\",\"Retry\":[{\"ErrorEquals\":[\"X\"],\"BackoffRate\":0.5}]}|BackoffRate",
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:f\",\"Retry\":[{\"ErrorEquals\":[\"X\"],\"JitterStrategy\":\"HALF\"}]}|JitterStrategy",
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:000000000000:function:f\",\"Retry\":[{\"ErrorEquals\":[]}]}|ErrorEquals",
        "{\"Type\":\"Parallel\",\"Branches\":[]}|Branches",
      })
  void refusedStateFields(String state, String expected) {
    assertRefused(SfnHarness.single(state), expected);
  }

  @Test
  void badChoiceRules() {
    String prefix =
        "{\"StartAt\":\"C\",\"States\":{\"D\":{\"Type\":\"Succeed\"},\"C\":{\"Type\":\"Choice\",\"Choices\":[";
    assertRefused(
        prefix + "{\"Variable\":\"$.x\",\"StringEquals\":1,\"Next\":\"D\"}]}}}",
        "must be a string");
    assertRefused(prefix + "{\"Variable\":\"$.x\",\"Next\":\"D\"}]}}}", "comparison operator");
    assertRefused(
        prefix
            + "{\"Variable\":\"$.x\",\"StringEquals\":\"a\",\"NumericEquals\":1,\"Next\":\"D\"}]}}}",
        "exactly one");
    assertRefused(prefix + "{\"Variable\":\"$.x\",\"StringEquals\":\"a\"}]}}}", "'Next'");
    assertRefused(
        prefix
            + "{\"Not\":{\"Variable\":\"$.x\",\"IsNull\":true,\"Next\":\"D\"},\"Next\":\"D\"}]}}}",
        "nested choice rule cannot have 'Next'");
    assertRefused(
        prefix + "{\"Variable\":\"$.x\",\"TimestampEquals\":\"yesterday\",\"Next\":\"D\"}]}}}",
        "RFC 3339");
    assertRefused(
        prefix + "{\"Variable\":\"$.x\",\"StringMatchesPath\":\"$.y\",\"Next\":\"D\"}]}}}",
        "StringMatchesPath");
    assertRefused(
        prefix + "{\"Variable\":\"$.x\",\"IsNullPath\":\"$.y\",\"Next\":\"D\"}]}}}", "IsNullPath");
  }

  @Test
  void updateRefusesAnInvalidDefinitionAndKeepsTheOldOne() {
    String arn = sfn.createMachine("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
    StepFunctionsException e =
        assertThrows(
            StepFunctionsException.class,
            () -> sfn.service.updateStateMachine(arn, "{\"StartAt\":\"A\",\"States\":{}}", null));
    assertEquals("InvalidDefinition", e.errorCode());
    assertTrue(sfn.service.describeStateMachine(arn).definition().contains("Succeed"));
  }
}
