package com.dermrelay.followup;

import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.InfoQuestion;
import com.dermrelay.cases.InfoReply;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import javax.inject.Inject;

/** The latest question the clinic asked about the patient's own case, and their reply if sent. */
public final class GetInfoRequest {
  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final AuditTrail audit;

  @Inject
  public GetInfoRequest(CaseStore cases, CaseExchangeItems exchanges, AuditTrail audit) {
    this.cases = cases;
    this.exchanges = exchanges;
    this.audit = audit;
  }

  public InfoRequestView run(TenantContext tenant, String caseId) {
    CaseRecord c = cases.ownCase(tenant, caseId, "case.info-request.read").record();
    InfoQuestion question =
        exchanges
            .latest(tenant, caseId, "QUESTION", InfoQuestion.class)
            .map(CaseExchangeItems.Stored::document)
            .orElseThrow(
                () -> ApiProblem.notFound("The clinic has asked no question on this case."));
    InfoReply reply =
        exchanges
            .get(tenant, CaseExchangeItems.key(caseId, "REPLY", question.round()), InfoReply.class)
            .map(CaseExchangeItems.Stored::document)
            .orElse(null);
    audit.read(tenant, AuditResource.ofPatient("case", caseId, tenant.subject()));
    boolean open =
        reply == null
            && question.round() == c.round()
            && CaseRecord.MORE_INFO_REQUESTED.equals(c.status());
    return new InfoRequestView(
        caseId,
        Rounds.shown(question.round()),
        question.question(),
        question.askedAt(),
        question.dermatologistName(),
        open,
        reply == null ? null : reply.shown(),
        question.newPhotos());
  }
}
