package com.dermrelay.templates;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.inject.Inject;

/**
 * The languages the acting clinic offers its patients (its configuration's {@code languages}, as
 * two-letter codes): a template's words are kept for those only.
 */
public final class ClinicLanguages {
  private final TenantDirectory directory;

  @Inject
  public ClinicLanguages(TenantDirectory directory) {
    this.directory = directory;
  }

  Set<String> of(TenantContext tenant) {
    JsonNode configured =
        directory
            .find(tenant.tenantId())
            .orElseThrow(() -> ApiProblem.notFound("No such resource."))
            .config()
            .path("languages");
    Set<String> languages = new LinkedHashSet<>();
    configured.forEach(l -> languages.add(l.asText().split("-")[0]));
    if (languages.isEmpty()) {
      languages.add("en");
    }
    return languages;
  }
}
