package com.dermrelay.tenants;

import com.dermrelay.core.tenancy.TenantRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * The configuration a clinic starts with at sign-up: its own name, address, region and support
 * contact, and the platform's defaults for everything else, which its admin then adjusts with
 * updateTenantSettings. The defaults are deliberately conservative: ten years' retention (above
 * HIPAA's six and most US states' adult-record rules), and SLAs the demo clinics use.
 */
final class NewClinicConfig {
  static final int DEFAULT_RETENTION_YEARS = 10;
  static final String DEFAULT_LOGO = "/brands/default/logo.svg";

  private NewClinicConfig() {}

  static ObjectNode of(ObjectMapper json, ClinicSignUp signUp, LocalDate today) {
    ObjectNode config = json.createObjectNode();
    config.put("tenantId", signUp.slug());
    config.put("displayName", signUp.displayName().strip());
    config.put("slug", signUp.slug());
    ObjectNode branding = config.putObject("branding");
    branding.put("logoUrl", DEFAULT_LOGO);
    branding.put("primaryColor", "#1f2937");
    branding.put("accentColor", "#2563eb");
    branding.put("supportEmail", signUp.adminEmail().strip());
    // The name through the placeholder, not copied: a renamed clinic's footer and consent follow.
    branding.put(
        "legalFooter",
        TenantRecord.CLINIC_NAME
            + ". Online consultations do not replace emergency care: call your local emergency number"
            + " in an emergency.");
    config.put("region", signUp.region());
    ObjectNode sla = config.putObject("slaHours");
    sla.put("URGENT", 24);
    sla.put("SOON", 72);
    sla.put("ROUTINE", 168);
    ObjectNode consent = config.putObject("consent");
    consent.put("version", today.toString());
    consent.put(
        "text",
        "I agree that a dermatologist of "
            + TenantRecord.CLINIC_NAME
            + " reviews my photos and history without seeing me in person, that this review may not"
            + " find everything an in-person visit would, and that I will seek emergency care for any"
            + " urgent symptom rather than wait for an answer.");
    config.put("retentionYears", DEFAULT_RETENTION_YEARS);
    config.putArray("languages").add("en");
    return config;
  }
}
