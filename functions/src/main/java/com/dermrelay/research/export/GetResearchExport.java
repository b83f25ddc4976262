package com.dermrelay.research.export;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import javax.inject.Inject;

/**
 * One research export with its progress and, once ready, its report; with the pseudonym key only
 * when the clinic chose to keep it. Audited as a read, so who saw a kept key is on record.
 */
public final class GetResearchExport {
  private final ResearchExports exports;
  private final AuditTrail audit;

  @Inject
  public GetResearchExport(ResearchExports exports, AuditTrail audit) {
    this.exports = exports;
    this.audit = audit;
  }

  public ResearchExportView run(TenantContext tenant, String exportId) {
    ResearchExport export =
        exports
            .find(tenant, exportId)
            .orElseThrow(
                () -> audit.notFound(tenant, "read", AuditResource.of("research-export", exportId)))
            .export();
    audit.read(tenant, AuditResource.of("research-export", exportId));
    ResearchExportView view = ResearchExportView.of(export);
    return export.request().keepKey() && ResearchExport.READY.equals(export.status())
        ? view.withKey(export.pseudonymKey())
        : view;
  }
}
