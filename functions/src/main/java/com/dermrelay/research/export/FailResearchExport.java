package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import javax.inject.Inject;

/**
 * Step FailResearchExport: a step failed for good, so the export is FAILED with the error's name
 * (never its message: it may quote data), its key dropped and the failure audited; the console
 * shows it and the admin starts another. Failing what already ended changes nothing.
 */
public final class FailResearchExport {
  private final ResearchExports exports;
  private final AuditTrail audit;

  @Inject
  public FailResearchExport(ResearchExports exports, AuditTrail audit) {
    this.exports = exports;
    this.audit = audit;
  }

  public void run(TenantContext tenant, String exportId, String error) {
    for (int attempt = 0; attempt < 3; attempt++) {
      ResearchExports.Stored stored = exports.require(tenant, exportId);
      if (!stored.export().running()) {
        return;
      }
      String name = error == null || error.isBlank() ? "Unknown" : error;
      try {
        exports.save(
            tenant,
            stored.export().failed(name, tenant.requestTime().toString()),
            stored.version());
      } catch (VersionConflictException e) {
        continue;
      }
      audit.wrote(tenant, "research.export.failed", AuditResource.of("research-export", exportId));
      return;
    }
    throw new VersionConflictException();
  }
}
