package com.dermrelay.research.consent;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import javax.inject.Inject;

/**
 * The signed-in patient withdraws their research consent: at once, whatever the version, and
 * without touching their care. The item leaves the index of consenting patients, and every export
 * checks each patient's consent again before it includes them, so no export made after this holds
 * them. Withdrawing what is not given changes nothing. Audited ({@code research-consent.withdraw}).
 */
public final class WithdrawResearchConsent {
  private final ResearchConsents consents;
  private final OfferedResearchConsent offered;
  private final AuditTrail audit;

  @Inject
  public WithdrawResearchConsent(
      ResearchConsents consents, OfferedResearchConsent offered, AuditTrail audit) {
    this.consents = consents;
    this.offered = offered;
    this.audit = audit;
  }

  public ResearchConsentView run(TenantContext tenant) {
    OfferedResearchConsent.Text current = offered.current(tenant).orElse(null);
    for (int attempt = 0; attempt < 3; attempt++) {
      var stored = consents.find(tenant, tenant.subject());
      if (stored.isEmpty() || !stored.get().consent().given()) {
        return ResearchConsentView.of(
            stored.map(ResearchConsents.Stored::consent).orElse(null), current);
      }
      ResearchConsent was = stored.get().consent();
      ResearchConsent next =
          new ResearchConsent(
              tenant.subject(),
              ResearchConsent.WITHDRAWN,
              was.consentVersion(),
              was.givenAt(),
              tenant.requestTime().toString());
      try {
        consents.save(tenant, next, stored.get().version());
      } catch (VersionConflictException e) {
        continue;
      }
      audit.wrote(
          tenant,
          "research-consent.withdraw",
          AuditResource.ofPatient("research-consent", was.consentVersion(), tenant.subject()));
      return ResearchConsentView.of(next, current);
    }
    throw new ApiProblem(
        409, ProblemTypes.CONFLICT, "Conflict", "Your research consent kept changing; try again.");
  }
}
