package com.dermrelay.tenants;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import javax.inject.Inject;

/** The acting clinic's configuration, as its admins edit it. */
public final class GetTenantSettings {
  private final TenantDirectory directory;
  private final AuditTrail audit;

  @Inject
  public GetTenantSettings(TenantDirectory directory, AuditTrail audit) {
    this.directory = directory;
    this.audit = audit;
  }

  public TenantSettings run(TenantContext tenant) {
    TenantRecord record =
        directory
            .load(tenant.tenantId())
            .orElseThrow(() -> ApiProblem.notFound("No such resource."));
    audit.read(tenant, AuditResource.of("tenant-settings", tenant.tenantId()));
    return new TenantSettings(record.version(), record.config());
  }
}
