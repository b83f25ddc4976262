package com.dermrelay.intake;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.IntakeAnswers;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/** The patient's drafts and cases, newest first, paged; summaries only. */
public final class ListMyCases {
  private final CaseStore cases;
  private final AuditTrail audit;

  @Inject
  public ListMyCases(CaseStore cases, AuditTrail audit) {
    this.cases = cases;
    this.audit = audit;
  }

  /**
   * A case in the list.
   *
   * @param problem the intake's kind of problem (spot, rash, other) and {@code bodySites} where it
   *     is: what tells two cases of one day apart in the patient's list; absent until answered
   */
  public record Summary(
      String caseId,
      String status,
      String createdAt,
      String updatedAt,
      String expiresAt,
      String submittedAt,
      String problem,
      List<IntakeAnswers.BodySite> bodySites) {}

  public record Page(
      List<Summary> cases, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {}

  public Page run(TenantContext tenant, Optional<String> limit, Optional<String> cursor) {
    int size = 20;
    if (limit.isPresent()) {
      try {
        size = Integer.parseInt(limit.get());
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 1 || size > 100) {
        throw ApiProblem.badRequest(
            ProblemTypes.INVALID_REQUEST, "Parameter 'limit' must be 1-100.");
      }
    }
    CaseStore.Page page = cases.listOwn(tenant, size, cursor);
    audit.read(tenant, AuditResource.ofPatient("case-list", tenant.subject(), tenant.subject()));
    return new Page(
        page.cases().stream()
            .map(
                s -> {
                  CaseRecord c = s.record();
                  IntakeAnswers intake = c.intake();
                  List<IntakeAnswers.BodySite> sites =
                      intake == null || intake.bodySites() == null || intake.bodySites().isEmpty()
                          ? null
                          : intake.bodySites();
                  return new Summary(
                      c.caseId(),
                      c.status(),
                      c.createdAt(),
                      c.updatedAt(),
                      c.expiresAt(),
                      c.submittedAt(),
                      intake == null ? null : intake.problem(),
                      sites);
                })
            .toList(),
        page.nextCursor().orElse(null));
  }
}
