package com.dermrelay.patients;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import javax.inject.Inject;

/** The signed-in patient's profile in this clinic, audited as a read of health data. */
public final class GetMyProfile {
  private final PatientProfiles profiles;
  private final AuditTrail audit;

  @Inject
  public GetMyProfile(PatientProfiles profiles, AuditTrail audit) {
    this.profiles = profiles;
    this.audit = audit;
  }

  public ProfileRequests.View run(TenantContext tenant) {
    PatientProfiles.StoredProfile stored =
        profiles
            .find(tenant, tenant.subject())
            .orElseThrow(
                () -> ApiProblem.notFound("No profile yet: add your date of birth and sex."));
    audit.read(tenant, AuditResource.ofPatient("profile", tenant.subject(), tenant.subject()));
    return ProfileRequests.View.of(stored);
  }
}
