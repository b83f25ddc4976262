package com.dermrelay.intake;

import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.CaseView;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.patients.PatientProfiles;
import com.dermrelay.patients.ProfileRules;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.inject.Inject;

/** One of the patient's own cases with the age and sex from their profile, audited as a read. */
public final class GetCase {
  private final CaseStore cases;
  private final PatientProfiles profiles;
  private final AuditTrail audit;

  @Inject
  public GetCase(CaseStore cases, PatientProfiles profiles, AuditTrail audit) {
    this.cases = cases;
    this.profiles = profiles;
    this.audit = audit;
  }

  public CaseView run(TenantContext tenant, String caseId) {
    StoredCase stored = cases.ownCase(tenant, caseId, "case.read");
    audit.read(tenant, AuditResource.ofPatient("case", caseId, tenant.subject()));
    LocalDate today = LocalDate.ofInstant(tenant.requestTime(), ZoneOffset.UTC);
    return CaseView.of(stored)
        .withPatient(
            profiles
                .find(tenant, stored.record().patientSubject())
                .map(
                    p ->
                        new CaseView.Patient(
                            ProfileRules.ageOn(p.profile().dateOfBirth(), today),
                            p.profile().sex()))
                .orElse(null));
  }
}
