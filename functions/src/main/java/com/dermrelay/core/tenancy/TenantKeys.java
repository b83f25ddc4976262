package com.dermrelay.core.tenancy;

/**
 * The key shapes of the clinic directory items (see docs/data-model.md). Every one begins with
 * {@code TENANT#<tenantId>}; the global lookups (slug, a user's clinics) live in the indexes.
 */
public final class TenantKeys {
  public static final String CONFIG_SK = "CONFIG";
  public static final String MEMBER_PREFIX = "MEMBER#";

  /**
   * A patient's erasure request; its presence also closes the account
   * (TenantDirectory#accountClosed).
   */
  public static final String ERASURE_PREFIX = "ERASURE#";

  /**
   * A self sign-up's clinic, recorded by the post-confirmation trigger; it admits the patient when
   * Cognito could not be given the clinic (TenantDirectory#patientLinked).
   */
  public static final String PATIENT_LINK_PREFIX = "PATIENT_LINK#";

  private TenantKeys() {}

  public static String tenantPk(String tenantId) {
    return "TENANT#" + tenantId;
  }

  public static String slugGsi1pk(String slug) {
    return "SLUG#" + slug;
  }

  public static String userGsi2pk(String subject) {
    return "USER#" + subject;
  }
}
