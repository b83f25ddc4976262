package com.dermrelay.local.stepfunctions.asl;

import java.util.HashMap;
import java.util.Map;

/**
 * The comparison operators of a Choice rule; each {@code ...Path} form compares with a path's
 * value.
 */
public enum ChoiceOperator {
  STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQ),
  STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LT),
  STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GT),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LE),
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GE),
  STRING_MATCHES("StringMatches", Kind.STRING, Relation.MATCHES),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQ),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LT),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GT),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LE),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GE),
  BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQ),
  TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQ),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LT),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GT),
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LE),
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GE),
  IS_NULL("IsNull", Kind.TEST, Relation.EQ),
  IS_PRESENT("IsPresent", Kind.TEST, Relation.EQ),
  IS_NUMERIC("IsNumeric", Kind.TEST, Relation.EQ),
  IS_STRING("IsString", Kind.TEST, Relation.EQ),
  IS_BOOLEAN("IsBoolean", Kind.TEST, Relation.EQ),
  IS_TIMESTAMP("IsTimestamp", Kind.TEST, Relation.EQ);

  /** What the operand (literal or path value) must be. */
  public enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    /** A type test whose operand is a boolean literal; no Path form. */
    TEST
  }

  public enum Relation {
    EQ,
    LT,
    GT,
    LE,
    GE,
    MATCHES
  }

  private static final Map<String, ChoiceOperator> BY_NAME = new HashMap<>();

  static {
    for (ChoiceOperator op : values()) {
      BY_NAME.put(op.fieldName, op);
    }
  }

  private final String fieldName;
  private final Kind kind;
  private final Relation relation;

  ChoiceOperator(String fieldName, Kind kind, Relation relation) {
    this.fieldName = fieldName;
    this.kind = kind;
    this.relation = relation;
  }

  public String fieldName() {
    return fieldName;
  }

  public Kind kind() {
    return kind;
  }

  public Relation relation() {
    return relation;
  }

  public boolean hasPathForm() {
    return kind != Kind.TEST && relation != Relation.MATCHES;
  }

  /** The operator for a field name, literal form only. */
  static ChoiceOperator byName(String field) {
    return BY_NAME.get(field);
  }
}
