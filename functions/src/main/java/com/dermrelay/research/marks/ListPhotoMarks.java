package com.dermrelay.research.marks;

import com.dermrelay.cases.CaseStore;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import javax.inject.Inject;

/**
 * A case's photo marks, for the workbench's photo view; another clinic's case is an audited 404.
 */
public final class ListPhotoMarks {
  private final CaseStore cases;
  private final PhotoMarks marks;
  private final AuditTrail audit;

  @Inject
  public ListPhotoMarks(CaseStore cases, PhotoMarks marks, AuditTrail audit) {
    this.cases = cases;
    this.marks = marks;
    this.audit = audit;
  }

  public PhotoMarkViews.Marks run(TenantContext tenant, String caseId) {
    if (cases.find(tenant, caseId).isEmpty()) {
      throw audit.notFound(tenant, "read", AuditResource.of("photo-marks", caseId));
    }
    return new PhotoMarkViews.Marks(
        marks.ofCase(tenant, caseId).values().stream().map(PhotoMarkViews.Mark::of).toList());
  }
}
