package com.dermrelay.core.tenancy;

import com.dermrelay.core.data.IndexKey;

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

  /** The platform's list of clinics ({@code gsi2}), for jobs that visit every clinic. */
  public static final String CLINICS_GSI2PK = IndexKey.CLINIC_DIRECTORY + "ALL";

  /**
   * The clinic's entry in the platform's list of clinics: every write of the clinic's configuration
   * item carries it (a put replaces the item's index keys).
   */
  public static IndexKey clinicListing(String tenantId) {
    return IndexKey.directory(IndexKey.Index.GSI2, CLINICS_GSI2PK, tenantId);
  }
}
