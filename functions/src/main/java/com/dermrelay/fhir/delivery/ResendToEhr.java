package com.dermrelay.fhir.delivery;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import javax.inject.Inject;

/**
 * A clinic admin's "send again": one synchronous attempt through {@link SendToEhr}, answering the
 * record as it now stands. A failure is recorded as FAILED with its reason (it stays listed); a
 * success leaves the failure list. Already delivered: 409, unless forced (a resend is harmless: the
 * EHR's conditional creates find what it has). A round without an answer (one that ended in a
 * question, or has not come) is the audited 404, as for a case that is not there: it has no record
 * to send, and must not be listed as a failed delivery.
 */
public final class ResendToEhr {
  /**
   * The time the EHR's calls (token and post) get in a "send again": API Gateway cuts a request at
   * 30 s, and building the Bundle and recording the outcome come before and after. The workflow's
   * attempts keep the clinic's own timeouts.
   */
  static final java.time.Duration EHR_CALLS_BUDGET = java.time.Duration.ofSeconds(20);

  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final EhrDeliveryStore deliveries;
  private final SendToEhr send;
  private final AuditTrail audit;

  @Inject
  public ResendToEhr(
      CaseStore cases,
      CaseExchangeItems exchanges,
      EhrDeliveryStore deliveries,
      SendToEhr send,
      AuditTrail audit) {
    this.cases = cases;
    this.exchanges = exchanges;
    this.deliveries = deliveries;
    this.send = send;
    this.audit = audit;
  }

  public EhrDelivery run(
      TenantContext tenant,
      String caseId,
      String roundText,
      boolean force,
      EhrBundleSource bundles) {
    FhirEndpointClient.Deadline deadline = FhirEndpointClient.Deadline.after(EHR_CALLS_BUDGET);
    int round = round(roundText);
    if (cases.find(tenant, caseId).filter(c -> !c.record().isDraft()).isEmpty()
        || exchanges
            .get(
                tenant,
                CaseExchangeItems.key(caseId, "ANSWER", Rounds.stored(round)),
                CaseAnswer.class)
            .isEmpty()) {
      throw audit.notFound(tenant, "ehr.delivery.resend", AuditResource.of("case", caseId));
    }
    if (!force
        && deliveries.find(tenant, caseId, round).map(EhrDelivery::isDelivered).orElse(false)) {
      throw new ApiProblem(
          409,
          ProblemTypes.CONFLICT,
          "Conflict",
          "This round was delivered already; add force=true to send it again.");
    }
    try {
      return send.attempt(tenant, caseId, round, bundles, true, deadline);
    } catch (EhrUnavailableException | EhrRejectedException failed) {
      return deliveries.update(tenant, caseId, round, d -> d.isDelivered() ? d : d.failed(null));
    }
  }

  private static int round(String text) {
    try {
      int round = Integer.parseInt(text);
      if (round >= 1 && round <= 999) {
        return round;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiProblem.badRequest(
        ProblemTypes.INVALID_REQUEST, "Path parameter 'round' must be an integer from 1 to 999.");
  }
}
