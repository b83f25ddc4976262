package com.dermrelay.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Evaluates Choice rules against a state's effective input and the context object. */
public final class ChoiceEvaluator {
  private ChoiceEvaluator() {}

  public static boolean matches(ChoiceRule rule, JsonNode input, JsonNode context) {
    if (rule instanceof ChoiceRule.And and) {
      return and.rules().stream().allMatch(r -> matches(r, input, context));
    }
    if (rule instanceof ChoiceRule.Or or) {
      return or.rules().stream().anyMatch(r -> matches(r, input, context));
    }
    if (rule instanceof ChoiceRule.Not not) {
      return !matches(not.rule(), input, context);
    }
    return compare((ChoiceRule.Comparison) rule, input, context);
  }

  private static boolean compare(ChoiceRule.Comparison c, JsonNode input, JsonNode context) {
    Optional<JsonNode> found = read(c.variable(), input, context);
    ChoiceOperator op = c.operator();
    if (op == ChoiceOperator.IS_PRESENT) {
      return found.isPresent() == c.literal().booleanValue();
    }
    JsonNode value = found.orElseThrow(() -> invalidPath(c.variable()));
    JsonNode operand =
        c.operandPath() == null
            ? c.literal()
            : read(c.operandPath(), input, context).orElseThrow(() -> invalidPath(c.operandPath()));
    switch (op.kind()) {
      case TEST:
        return typeTest(op, value) == operand.booleanValue();
      case STRING:
        if (!value.isTextual() || !operand.isTextual()) {
          return false;
        }
        if (op.relation() == ChoiceOperator.Relation.MATCHES) {
          return wildcard(operand.textValue()).matcher(value.textValue()).matches();
        }
        return holds(op.relation(), value.textValue().compareTo(operand.textValue()));
      case NUMERIC:
        if (!value.isNumber() || !operand.isNumber()) {
          return false;
        }
        return holds(op.relation(), value.decimalValue().compareTo(operand.decimalValue()));
      case BOOLEAN:
        return value.isBoolean()
            && operand.isBoolean()
            && value.booleanValue() == operand.booleanValue();
      case TIMESTAMP:
        Optional<Instant> left =
            value.isTextual() ? Timestamps.parse(value.textValue()) : Optional.empty();
        Optional<Instant> right =
            operand.isTextual() ? Timestamps.parse(operand.textValue()) : Optional.empty();
        if (left.isEmpty() || right.isEmpty()) {
          return false;
        }
        return holds(op.relation(), left.get().compareTo(right.get()));
      default:
        throw new IllegalStateException("unknown operator kind " + op.kind());
    }
  }

  private static boolean typeTest(ChoiceOperator op, JsonNode value) {
    switch (op) {
      case IS_NULL:
        return value.isNull();
      case IS_NUMERIC:
        return value.isNumber();
      case IS_STRING:
        return value.isTextual();
      case IS_BOOLEAN:
        return value.isBoolean();
      case IS_TIMESTAMP:
        return value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
      default:
        throw new IllegalStateException("not a type test: " + op);
    }
  }

  private static boolean holds(ChoiceOperator.Relation relation, int comparison) {
    switch (relation) {
      case EQ:
        return comparison == 0;
      case LT:
        return comparison < 0;
      case GT:
        return comparison > 0;
      case LE:
        return comparison <= 0;
      case GE:
        return comparison >= 0;
      default:
        throw new IllegalStateException("not an ordering: " + relation);
    }
  }

  /** {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
  static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (c == '*') {
        regex.append(Pattern.quote(literal.toString())).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static Optional<JsonNode> read(String path, JsonNode input, JsonNode context) {
    return path.startsWith("$$")
        ? JsonPaths.read(context, path.substring(1))
        : JsonPaths.read(input, path);
  }

  private static StatesError invalidPath(String path) {
    return StatesError.runtime(
        "Invalid path '"
            + path
            + "': The choice state's condition path references an invalid value.");
  }
}
