package com.dermrelay.tenants;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What getTenantBranding answers: only what a clinic shows the public. */
public record TenantBranding(
    String tenantId,
    String slug,
    String displayName,
    JsonNode branding,
    List<String> languages,
    Consent consent,
    boolean acceptingNewPatients,
    boolean patientDermoscopy) {
  public record Consent(String version, String text) {}
}
