package com.dermrelay.licences;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One licence of a dermatologist, as stored under {@code USER#<sub>} / {@code
 * LICENCE#<jurisdiction>}: on the person, not on a clinic, as one licence serves every clinic they
 * work for.
 *
 * @param jurisdiction ISO 3166-1 alpha-2 ({@code ES}) or a 3166-2 subdivision ({@code US-CA})
 * @param number the licence number as the licensing body writes it
 * @param expiresOn the last day it is valid (ISO date); it is valid through that whole day (UTC)
 * @param updatedAt when it was last set (ISO-8601)
 * @param removedAt when the dermatologist removed it; null while it stands (a tombstone, so a later
 *     put conditions on the version read as any other change)
 */
record LicenceItem(
    String jurisdiction, String number, String expiresOn, String updatedAt, String removedAt) {

  boolean removed() {
    return removedAt != null;
  }

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<LicenceItem> SCHEMA =
      StaticImmutableTableSchema.builder(LicenceItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(c -> "LICENCE").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a ->
                  a.name("jurisdiction")
                      .getter(LicenceItem::jurisdiction)
                      .setter((b, v) -> b.jurisdiction = v))
          .addAttribute(
              String.class,
              a -> a.name("number").getter(LicenceItem::number).setter((b, v) -> b.number = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("expiresOn")
                      .getter(LicenceItem::expiresOn)
                      .setter((b, v) -> b.expiresOn = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("updatedAt")
                      .getter(LicenceItem::updatedAt)
                      .setter((b, v) -> b.updatedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("removedAt")
                      .getter(LicenceItem::removedAt)
                      .setter((b, v) -> b.removedAt = v))
          .build();

  private static final class Builder {
    String jurisdiction;
    String number;
    String expiresOn;
    String updatedAt;
    String removedAt;

    LicenceItem build() {
      return new LicenceItem(jurisdiction, number, expiresOn, updatedAt, removedAt);
    }
  }
}
