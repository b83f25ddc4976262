package com.dermrelay.intake;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import javax.inject.Inject;

/** The clinic's current telehealth consent version, as getTenantBranding shows it. */
public final class ConsentVersions {
  private final TenantDirectory directory;

  @Inject
  public ConsentVersions(TenantDirectory directory) {
    this.directory = directory;
  }

  public String current(TenantContext tenant) {
    return directory
        .find(tenant.tenantId())
        .map(t -> t.config().at("/consent/version").asText())
        .orElseThrow(() -> ApiProblem.notFound("No such resource."));
  }
}
