package com.dermrelay.core.tenancy;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A clinic as the table holds it: its configuration (tenant-config/tenant.schema.json) and the
 * version every change is conditioned on.
 */
public record TenantRecord(String tenantId, ObjectNode config, long version) {
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

  /** Years records and audit are kept; never under six, whatever is stored. */
  public int retentionYears() {
    return Math.max(6, config.path("retentionYears").asInt(6));
  }
}
