package com.dermrelay.research.consent;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.util.List;
import javax.inject.Inject;

/**
 * The signed-in patient agrees to the clinic's research consent, naming the version they read: a
 * version the clinic no longer offers is a 409, so nobody agrees to words they were not shown.
 * Giving it again to the same version changes nothing. Audited ({@code research-consent.give}).
 */
public final class GiveResearchConsent {
  private final ResearchConsents consents;
  private final OfferedResearchConsent offered;
  private final AuditTrail audit;

  @Inject
  public GiveResearchConsent(
      ResearchConsents consents, OfferedResearchConsent offered, AuditTrail audit) {
    this.consents = consents;
    this.offered = offered;
    this.audit = audit;
  }

  /** The body of giveResearchConsent. */
  public record Request(String consentVersion) {}

  public ResearchConsentView run(TenantContext tenant, Request request) {
    if (request.consentVersion() == null || request.consentVersion().isBlank()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Field 'consentVersion' is required.",
          List.of(new ApiProblem.FieldError("/consentVersion", "required")));
    }
    OfferedResearchConsent.Text current =
        offered
            .current(tenant)
            .orElseThrow(
                () ->
                    new ApiProblem(
                        409,
                        ProblemTypes.CONFLICT,
                        "Conflict",
                        "This clinic does not ask for research consent.",
                        List.of(
                            new ApiProblem.FieldError(
                                "/consentVersion", "no research consent is offered"))));
    if (!current.version().equals(request.consentVersion())) {
      throw new ApiProblem(
          409,
          ProblemTypes.CONFLICT,
          "Conflict",
          "The clinic's research consent changed; read it again before agreeing.",
          List.of(
              new ApiProblem.FieldError(
                  "/consentVersion", "not the version the clinic offers now")));
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      var stored = consents.find(tenant, tenant.subject());
      if (stored.isPresent()
          && stored.get().consent().given()
          && current.version().equals(stored.get().consent().consentVersion())) {
        return ResearchConsentView.of(stored.get().consent(), current);
      }
      ResearchConsent next =
          new ResearchConsent(
              tenant.subject(),
              ResearchConsent.GIVEN,
              current.version(),
              tenant.requestTime().toString(),
              null);
      try {
        consents.save(tenant, next, stored.map(ResearchConsents.Stored::version).orElse(0L));
      } catch (VersionConflictException e) {
        continue; // another tab changed it meanwhile: read again
      }
      audit.wrote(
          tenant,
          "research-consent.give",
          AuditResource.ofPatient("research-consent", current.version(), tenant.subject()));
      return ResearchConsentView.of(next, current);
    }
    throw new ApiProblem(
        409, ProblemTypes.CONFLICT, "Conflict", "Your research consent kept changing; try again.");
  }
}
