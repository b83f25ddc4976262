package com.dermrelay.intake;

import com.dermrelay.audit.AuditResource;
import com.dermrelay.audit.AuditTrail;
import com.dermrelay.core.access.TenantContext;
import javax.inject.Inject;

/** One of the patient's own cases, audited as a read. */
public final class GetCase {
  private final CaseStore cases;
  private final AuditTrail audit;

  @Inject
  public GetCase(CaseStore cases, AuditTrail audit) {
    this.cases = cases;
    this.audit = audit;
  }

  public CaseView run(TenantContext tenant, String caseId) {
    StoredCase stored = cases.ownCase(tenant, caseId, "case.read");
    audit.read(tenant, AuditResource.ofPatient("case", caseId, tenant.subject()));
    return CaseView.of(stored);
  }
}
