package com.dermrelay.core.tenancy;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A clinic as the table holds it: its configuration (tenant-config/tenant.schema.json) and the
 * version every change is conditioned on.
 */
public record TenantRecord(String tenantId, ObjectNode config, long version) {
  /**
   * Where the clinic's current name goes in its texts (the consent text, the legal footer): they
   * are stored with this placeholder, so renaming the clinic renames it there too.
   */
  public static final String CLINIC_NAME = "{clinic}";

  /**
   * {@code text} as patients read it: {@link #CLINIC_NAME} replaced by the clinic's current name.
   */
  public String named(String text) {
    return text == null ? null : text.replace(CLINIC_NAME, displayName());
  }

  public String slug() {
    return config.path("slug").asText();
  }

  public String displayName() {
    return config.path("displayName").asText();
  }

  /** Whether new patients may sign up and send new cases (schema default: true). */
  public boolean acceptingNewPatients() {
    return config.path("acceptingNewPatients").asBoolean(true);
  }

  /** Whether the patient portal offers a dermoscopic photo (schema default: false). */
  public boolean patientDermoscopy() {
    return config.path("patientDermoscopy").asBoolean(false);
  }

  /**
   * Whether the platform operator suspended the clinic: its patients and staff are refused (the
   * access layer), its workflow goes on (schema default: false).
   */
  public boolean suspended() {
    return config.path("suspended").asBoolean(false);
  }

  /** The clinic's plan and limits; the standard plan when the configuration names none. */
  public ClinicPlan plan() {
    return ClinicPlan.of(config);
  }

  /** Years records and audit are kept; never under six, whatever is stored. */
  public int retentionYears() {
    return Math.max(6, config.path("retentionYears").asInt(6));
  }
}
