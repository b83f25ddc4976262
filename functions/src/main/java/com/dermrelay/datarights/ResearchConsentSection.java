package com.dermrelay.datarights;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.research.consent.ResearchConsents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.inject.Inject;

/**
 * The patient's optional research consent in this clinic (docs/research-export.md): its status, the
 * version agreed to and when it was given or withdrawn; empty when they never gave one.
 */
public final class ResearchConsentSection implements PatientDataSection {
  private final ResearchConsents consents;
  private final ObjectMapper json;

  @Inject
  public ResearchConsentSection(ResearchConsents consents, ObjectMapper json) {
    this.consents = consents;
    this.json = json;
  }

  @Override
  public String name() {
    return "researchConsent";
  }

  @Override
  public JsonNode export(TenantContext tenant, String patientSubject, String patientEmail) {
    ObjectNode section = json.createObjectNode();
    consents
        .find(tenant, patientSubject)
        .ifPresent(
            stored -> {
              section.put("status", stored.consent().status());
              section.put("consentVersion", stored.consent().consentVersion());
              section.put("givenAt", stored.consent().givenAt());
              if (stored.consent().withdrawnAt() != null) {
                section.put("withdrawnAt", stored.consent().withdrawnAt());
              }
            });
    return section;
  }
}
