package com.dermrelay.tenants;

import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.inject.Inject;

/** A clinic's public face by its portal slug; nothing in it is private. */
public final class GetTenantBranding {
  private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

  private final TenantDirectory directory;

  @Inject
  public GetTenantBranding(TenantDirectory directory) {
    this.directory = directory;
  }

  public TenantBranding run(String slug) {
    if (!SLUG.matcher(slug).matches()) {
      throw ApiProblem.notFound("No clinic has this address.");
    }
    return of(
        directory
            .findBySlug(slug)
            .orElseThrow(() -> ApiProblem.notFound("No clinic has this address.")));
  }

  TenantBranding of(TenantRecord tenant) {
    JsonNode config = tenant.config();
    List<String> languages = new ArrayList<>();
    config.path("languages").forEach(l -> languages.add(l.asText()));
    // The texts that name the clinic are read with its current name (TenantRecord.CLINIC_NAME).
    JsonNode branding = config.path("branding").deepCopy();
    if (branding instanceof ObjectNode b && b.hasNonNull("legalFooter")) {
      b.put("legalFooter", tenant.named(b.get("legalFooter").asText()));
    }
    return new TenantBranding(
        tenant.tenantId(),
        tenant.slug(),
        tenant.displayName(),
        branding,
        languages,
        new TenantBranding.Consent(
            config.at("/consent/version").asText(),
            tenant.named(config.at("/consent/text").asText())),
        // Public on purpose: the portal shows "not taking new cases" before anyone signs in.
        tenant.acceptingNewPatients(),
        // Which photo cards the portal shows; nothing about any patient.
        tenant.patientDermoscopy());
  }
}
