package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Choice rule: a comparison or a boolean combination of rules. */
public sealed interface ChoiceRule {

  record And(List<ChoiceRule> rules) implements ChoiceRule {}

  record Or(List<ChoiceRule> rules) implements ChoiceRule {}

  record Not(ChoiceRule rule) implements ChoiceRule {}

  /**
   * {@code Variable} compared by {@code operator} with either a literal or, for a {@code ...Path}
   * operator, the value at {@code operandPath}.
   */
  record Comparison(String variable, ChoiceOperator operator, JsonNode literal, String operandPath)
      implements ChoiceRule {}

  /** A top-level rule with its transition. */
  record Branch(ChoiceRule rule, String next) {}
}
