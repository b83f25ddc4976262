package com.dermrelay.core.tenancy;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A clinic's configuration item, {@code TENANT#<id>} / {@code CONFIG} (docs/data-model.md): the
 * configuration as JSON text (tenant-config/tenant.schema.json), who changed it last and when, and
 * for clinics made by the public sign-up the fingerprint of that request (its retry resumes). Keys,
 * {@code tenantId} and {@code version} are the data layer's.
 */
public record ClinicConfigItem(
    String config, String updatedAt, String updatedBy, String signUpFingerprint) {

  /** Built from lambdas, no reflection (decision 0018). */
  public static final TableSchema<ClinicConfigItem> SCHEMA =
      StaticImmutableTableSchema.builder(ClinicConfigItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              a -> a.name("config").getter(ClinicConfigItem::config).setter((b, v) -> b.config = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("updatedAt")
                      .getter(ClinicConfigItem::updatedAt)
                      .setter((b, v) -> b.updatedAt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("updatedBy")
                      .getter(ClinicConfigItem::updatedBy)
                      .setter((b, v) -> b.updatedBy = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("signUpFingerprint")
                      .getter(ClinicConfigItem::signUpFingerprint)
                      .setter((b, v) -> b.signUpFingerprint = v))
          .build();

  private static final class Builder {
    String config;
    String updatedAt;
    String updatedBy;
    String signUpFingerprint;

    ClinicConfigItem build() {
      return new ClinicConfigItem(config, updatedAt, updatedBy, signUpFingerprint);
    }
  }
}
