package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import javax.inject.Inject;

/** The clinic a member acts for, as the workbench's clinic switcher shows it. */
public final class GetClinic {
  private final TenantDirectory directory;
  private final GetTenantBranding branding;

  @Inject
  public GetClinic(TenantDirectory directory, GetTenantBranding branding) {
    this.directory = directory;
    this.branding = branding;
  }

  public ClinicView run(TenantContext tenant) {
    TenantRecord record =
        directory
            .find(tenant.tenantId())
            .orElseThrow(() -> ApiProblem.notFound("No such resource."));
    return new ClinicView(branding.of(record), tenant.roleName());
  }
}
