package com.dermrelay.tenants;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A self sign-up's clinic, {@code TENANT#<id>} / {@code PATIENT_LINK#<sub>}: written by the
 * post-confirmation trigger once the clinic is checked, before Cognito is asked for the account's
 * {@code custom:tenantId} and patient group. Its presence makes the account a patient of the clinic
 * for the API when Cognito could not be told (core.tenancy.TenantDirectory#patientLinked). No
 * contact data. Keys, {@code tenantId} and {@code version} are the data layer's.
 */
record PatientLinkItem(String linkedAt) {

  /** Built from lambdas, no reflection (decision 0018). */
  static final TableSchema<PatientLinkItem> SCHEMA =
      StaticImmutableTableSchema.builder(PatientLinkItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class, a -> a.name("type").getter(r -> "PATIENT_LINK").setter((b, v) -> {}))
          .addAttribute(
              String.class,
              a ->
                  a.name("linkedAt")
                      .getter(PatientLinkItem::linkedAt)
                      .setter((b, v) -> b.linkedAt = v))
          .build();

  private static final class Builder {
    String linkedAt;

    PatientLinkItem build() {
      return new PatientLinkItem(linkedAt);
    }
  }
}
