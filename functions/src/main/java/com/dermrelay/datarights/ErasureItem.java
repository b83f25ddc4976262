package com.dermrelay.datarights;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A patient's erasure request, {@code TENANT#<id>} / {@code ERASURE#<sub>}: when it was made and
 * until when the clinical record is kept; no contact data. Its presence also closes the account
 * (core.tenancy.TenantDirectory#accountClosed). Keys, {@code tenantId} and {@code version} are the
 * data layer's.
 */
record ErasureItem(String requestedAt, String retainedUntil) {

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<ErasureItem> SCHEMA =
      StaticImmutableTableSchema.builder(ErasureItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(r -> "ERASURE").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a ->
                  a.name("requestedAt")
                      .getter(ErasureItem::requestedAt)
                      .setter((b, v) -> b.requestedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("retainedUntil")
                      .getter(ErasureItem::retainedUntil)
                      .setter((b, v) -> b.retainedUntil = v))
          .build();

  private static final class Builder {
    String requestedAt;
    String retainedUntil;

    ErasureItem build() {
      return new ErasureItem(requestedAt, retainedUntil);
    }
  }
}
