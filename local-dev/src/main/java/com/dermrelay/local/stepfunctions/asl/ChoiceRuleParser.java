package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Parses and checks Choice rules, refusing what AWS refuses at creation. */
final class ChoiceRuleParser {
  private static final Set<String> BOOLEAN_OPS = Set.of("And", "Or", "Not");

  private ChoiceRuleParser() {}

  /** A top-level rule: must carry Next. */
  static ChoiceRule.Branch branch(JsonNode node, String pointer) throws InvalidDefinitionException {
    if (!node.isObject()) {
      throw fail("A choice rule must be an object", pointer);
    }
    JsonNode next = node.get("Next");
    if (next == null || !next.isTextual()) {
      throw fail("A top-level choice rule must have a string field 'Next'", pointer);
    }
    return new ChoiceRule.Branch(rule(node, pointer, true), next.textValue());
  }

  private static ChoiceRule rule(JsonNode node, String pointer, boolean topLevel)
      throws InvalidDefinitionException {
    if (!node.isObject()) {
      throw fail("A choice rule must be an object", pointer);
    }
    if (!topLevel && node.has("Next")) {
      throw fail("A nested choice rule cannot have 'Next'", pointer + "/Next");
    }
    String operator = null;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (field.equals("Variable")
          || field.equals("Comment")
          || (topLevel && field.equals("Next"))) {
        continue;
      }
      if (!BOOLEAN_OPS.contains(field) && operatorFor(field) == null) {
        throw fail(
            "Field '" + field + "' is not supported in a choice rule", pointer + "/" + field);
      }
      if (operator != null) {
        throw fail(
            "A choice rule must have exactly one comparison operator, found '"
                + operator
                + "' and '"
                + field
                + "'",
            pointer);
      }
      operator = field;
    }
    if (operator == null) {
      throw fail("A choice rule must have a comparison operator or And/Or/Not", pointer);
    }
    JsonNode operand = node.get(operator);
    String where = pointer + "/" + operator;
    if (BOOLEAN_OPS.contains(operator)) {
      if (node.has("Variable")) {
        throw fail("A boolean choice rule cannot have 'Variable'", pointer + "/Variable");
      }
      if (operator.equals("Not")) {
        return new ChoiceRule.Not(rule(operand, where, false));
      }
      if (!operand.isArray() || operand.isEmpty()) {
        throw fail("'" + operator + "' must be a non-empty array of rules", where);
      }
      List<ChoiceRule> rules = new ArrayList<>();
      for (int i = 0; i < operand.size(); i++) {
        rules.add(rule(operand.get(i), where + "/" + i, false));
      }
      return operator.equals("And")
          ? new ChoiceRule.And(List.copyOf(rules))
          : new ChoiceRule.Or(List.copyOf(rules));
    }
    JsonNode variable = node.get("Variable");
    if (variable == null
        || !variable.isTextual()
        || !ResultPath.isReferencePath(variable.textValue())) {
      throw fail(
          "A comparison must have a 'Variable' that is a reference path", pointer + "/Variable");
    }
    boolean pathForm = operatorFor(operator) != ChoiceOperator.byName(operator);
    ChoiceOperator op = operatorFor(operator);
    if (pathForm) {
      if (!operand.isTextual() || !ResultPath.isReferencePath(operand.textValue())) {
        throw fail("The value of '" + operator + "' must be a reference path", where);
      }
      return new ChoiceRule.Comparison(variable.textValue(), op, null, operand.textValue());
    }
    checkLiteral(op, operand, where);
    return new ChoiceRule.Comparison(variable.textValue(), op, operand, null);
  }

  private static ChoiceOperator operatorFor(String field) {
    ChoiceOperator op = ChoiceOperator.byName(field);
    if (op != null) {
      return op;
    }
    if (field.endsWith("Path")) {
      ChoiceOperator base = ChoiceOperator.byName(field.substring(0, field.length() - 4));
      if (base != null && base.hasPathForm()) {
        return base;
      }
    }
    return null;
  }

  private static void checkLiteral(ChoiceOperator op, JsonNode operand, String where)
      throws InvalidDefinitionException {
    boolean ok;
    switch (op.kind()) {
      case STRING:
        ok = operand.isTextual();
        break;
      case NUMERIC:
        ok = operand.isNumber();
        break;
      case BOOLEAN:
      case TEST:
        ok = operand.isBoolean();
        break;
      case TIMESTAMP:
        ok = operand.isTextual() && Timestamps.parse(operand.textValue()).isPresent();
        break;
      default:
        throw new IllegalStateException("unknown kind " + op.kind());
    }
    if (!ok) {
      throw fail("The value of '" + op.fieldName() + "' must be " + describe(op.kind()), where);
    }
  }

  private static String describe(ChoiceOperator.Kind kind) {
    switch (kind) {
      case STRING:
        return "a string";
      case NUMERIC:
        return "a number";
      case TIMESTAMP:
        return "an RFC 3339 timestamp";
      default:
        return "a boolean";
    }
  }

  private static InvalidDefinitionException fail(String detail, String pointer) {
    return InvalidDefinitionException.at("SCHEMA_VALIDATION_FAILED", detail, pointer);
  }
}
