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
