package com.dermrelay.review;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.quality.FlaggedSecondReads;
import com.dermrelay.quality.SecondRead;
import java.util.List;
import javax.inject.Inject;

/**
 * closeSecondReadFlag: a medical lead of the clinic reviewed a flagged round and keeps the answer
 * as it is, with a reason: the flag is resolved "reviewed, no change" with one conditional write
 * and audited. The same lead sending again gets the same resolution; a flag already dealt with
 * otherwise is 409.
 */
public final class CloseSecondReadFlag {
  static final int MAX_REASON = 1000;

  private final FlaggedSecondReads flags;
  private final CaseExchangeItems exchanges;
  private final AuditTrail audit;

  @Inject
  public CloseSecondReadFlag(
      FlaggedSecondReads flags, CaseExchangeItems exchanges, AuditTrail audit) {
    this.flags = flags;
    this.exchanges = exchanges;
    this.audit = audit;
  }

  public record Request(String reason) {}

  /** How the flag was resolved. */
  public record Resolved(
      String caseId,
      int round,
      String outcome,
      String resolvedAt,
      String resolvedByName,
      String role,
      int answerVersion) {}

  public Resolved run(TenantContext tenant, String caseId, int round, Request request) {
    String reason = request.reason();
    if (reason == null || reason.isBlank()) {
      AnswerRules.refuseIfAny(
          List.of(AnswerRules.error("/reason", "is required: why the answer stands")));
    } else if (reason.length() > MAX_REASON) {
      AnswerRules.refuseIfAny(
          List.of(AnswerRules.error("/reason", "must be at most " + MAX_REASON + " characters")));
    }
    FlaggedSecondReads.Flag flag = flags.actOn(tenant, caseId, round, false);
    SecondRead.Resolution standing = flag.read().resolution();
    if (standing != null) {
      if (SecondRead.NO_CHANGE.equals(standing.outcome())
          && standing.resolvedBy().equals(tenant.subject())
          && reason.equals(standing.reason())) {
        return resolved(flag.read(), standing);
      }
      throw AnswerRules.conflict("This flag was already dealt with.");
    }
    int version =
        exchanges
            .get(
                tenant,
                CaseExchangeItems.key(caseId, "ANSWER", Rounds.stored(round)),
                CaseAnswer.class)
            .map(s -> s.document().version())
            .orElseThrow(() -> ApiProblem.notFound("The round has no answer."));
    SecondRead.Resolution resolution =
        new SecondRead.Resolution(
            SecondRead.NO_CHANGE,
            tenant.subject(),
            tenant.actorName(),
            flag.role(),
            tenant.requestTime().toString(),
            reason,
            version);
    SecondRead done = flags.resolve(tenant, flag, resolution);
    if (done.resolution() != resolution
        && !SecondRead.NO_CHANGE.equals(done.resolution().outcome())) {
      throw AnswerRules.conflict("This flag was already dealt with.");
    }
    audit.wrote(
        tenant, "second-read.flag.close", AuditResource.of("second-read", caseId + "/" + round));
    return resolved(done, done.resolution());
  }

  private static Resolved resolved(SecondRead read, SecondRead.Resolution r) {
    return new Resolved(
        read.caseId(),
        read.round(),
        r.outcome(),
        r.resolvedAt(),
        r.resolvedByName(),
        r.role(),
        r.answerVersion());
  }
}
