package com.dermrelay.research.consent;

import com.dermrelay.core.access.TenantContext;
import javax.inject.Inject;

/** The signed-in patient's research consent in this clinic, and what the clinic offers now. */
public final class GetMyResearchConsent {
  private final ResearchConsents consents;
  private final OfferedResearchConsent offered;

  @Inject
  public GetMyResearchConsent(ResearchConsents consents, OfferedResearchConsent offered) {
    this.consents = consents;
    this.offered = offered;
  }

  public ResearchConsentView run(TenantContext tenant) {
    return ResearchConsentView.of(
        consents.find(tenant, tenant.subject()).map(ResearchConsents.Stored::consent).orElse(null),
        offered.current(tenant).orElse(null));
  }
}
