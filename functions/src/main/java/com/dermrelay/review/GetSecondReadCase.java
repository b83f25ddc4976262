package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.quality.SecondRead;
import com.dermrelay.quality.SecondReads;
import java.util.List;
import javax.inject.Inject;

/**
 * getSecondReadCase: the case of an open second read, blind: its history and photos as
 * getCaseForReview shows them (and audits the read), without the answers given. Only for a
 * dermatologist of the clinic who did not answer the round; a round not waiting for a second read
 * is 404.
 */
public final class GetSecondReadCase {
  private final SecondReads secondReads;
  private final GetCaseForReview cases;

  @Inject
  public GetSecondReadCase(SecondReads secondReads, GetCaseForReview cases) {
    this.secondReads = secondReads;
    this.cases = cases;
  }

  public CaseForReview run(TenantContext tenant, String caseId, int round) {
    SecondRead read = secondReads.forReader(tenant, caseId, round);
    if (!SecondRead.OPEN.equals(read.status())) {
      throw ApiProblem.notFound("No second read of that case and round waits.");
    }
    CaseForReview c = cases.run(tenant, caseId);
    return new CaseForReview(
        c.caseId(),
        c.tenantId(),
        c.clinicName(),
        c.status(),
        c.priority(),
        c.dueAt(),
        c.secondsUntilDue(),
        c.claim(),
        c.patient(),
        c.submittedAt(),
        c.round(),
        c.intake(),
        c.intakeVersion(),
        c.triage(),
        c.rounds(),
        // Blind: the second reader must not see what the first reader answered.
        List.of(),
        c.earlierCases());
  }
}
