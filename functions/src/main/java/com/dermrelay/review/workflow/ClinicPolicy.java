package com.dermrelay.review.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.dermrelay.triage.SlaHours;
import com.dermrelay.triage.TriageSettings;
import com.fasterxml.jackson.databind.JsonNode;
import javax.inject.Inject;

/** A clinic's promised answer times and triage settings, from its configuration. */
public final class ClinicPolicy {
  /** The schema requires slaHours; these apply only to a configuration that somehow lacks them. */
  static final SlaHours FALLBACK_SLA = new SlaHours(24, 72, 168);

  private final TenantDirectory directory;

  @Inject
  public ClinicPolicy(TenantDirectory directory) {
    this.directory = directory;
  }

  public SlaHours slaHours(TenantContext tenant) {
    JsonNode sla = clinic(tenant).config().path("slaHours");
    if (!sla.isObject()) {
      return FALLBACK_SLA;
    }
    return new SlaHours(
        sla.path("URGENT").asInt(FALLBACK_SLA.urgent()),
        sla.path("SOON").asInt(FALLBACK_SLA.soon()),
        sla.path("ROUTINE").asInt(FALLBACK_SLA.routine()));
  }

  public TriageSettings triageSettings(TenantContext tenant) {
    JsonNode triage = clinic(tenant).config().path("triage");
    return new TriageSettings(
        triage.hasNonNull("sevenPointUrgentScore")
            ? triage.get("sevenPointUrgentScore").asInt()
            : null,
        triage.hasNonNull("urgentAgeYears") ? triage.get("urgentAgeYears").asInt() : null);
  }

  public String displayName(TenantContext tenant) {
    return clinic(tenant).displayName();
  }

  public String slug(TenantContext tenant) {
    return clinic(tenant).slug();
  }

  private TenantRecord clinic(TenantContext tenant) {
    return directory
        .find(tenant.tenantId())
        .orElseThrow(() -> new IllegalStateException("no such clinic"));
  }
}
