package com.dermrelay.operator;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The operator's reason for a change of a clinic's status or plan, kept in the clinic's partition,
 * {@code TENANT#<id>} / {@code OPERATOR#<time>#<requestId>}: the audit record says who did what and
 * when, this says why. Written once per request (put if absent, so a retry adds nothing). Never
 * shown to the clinic's patients or staff.
 */
record OperatorNoteItem(String action, String reason, String time, String operatorName) {
  static final String PREFIX = "OPERATOR#";

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<OperatorNoteItem> SCHEMA =
      StaticImmutableTableSchema.builder(OperatorNoteItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              a -> a.name("action").getter(OperatorNoteItem::action).setter((b, v) -> b.action = v))
          .addAttribute(
              String.class,
              a -> a.name("reason").getter(OperatorNoteItem::reason).setter((b, v) -> b.reason = v))
          .addAttribute(
              String.class,
              a -> a.name("time").getter(OperatorNoteItem::time).setter((b, v) -> b.time = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("operatorName")
                      .getter(OperatorNoteItem::operatorName)
                      .setter((b, v) -> b.operatorName = v))
          .build();

  private static final class Builder {
    String action;
    String reason;
    String time;
    String operatorName;

    OperatorNoteItem build() {
      return new OperatorNoteItem(action, reason, time, operatorName);
    }
  }
}
