package com.dermrelay.review;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.ManagementCategory;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.ItemKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The dermatologist holding the claim answers the case: the answer is stored once for the case's
 * round ({@code ANSWER#<round>}, put-if-absent), then the workflow's REVIEW wait ends with {@code
 * {"outcome":"ANSWERED","dermatologistId","followUpAt"?}} and the claim is released.
 *
 * <p>Idempotent: the same body again (a double submit, a retry, a concurrent duplicate) answers the
 * stored answer and re-sends the callback if the workflow still waits for it (the first attempt
 * died between the write and the callback); another body after an answer is 409.
 */
public final class AnswerCase {
  private final CaseStore cases;
  private final ReviewStore reviews;
  private final CaseExchangeItems exchanges;
  private final AnswerRules rules;
  private final TaskCompletions completions;
  private final AuditTrail audit;
  private final ObjectMapper json;

  @Inject
  public AnswerCase(
      CaseStore cases,
      ReviewStore reviews,
      CaseExchangeItems exchanges,
      AnswerRules rules,
      TaskCompletions completions,
      AuditTrail audit,
      ObjectMapper json) {
    this.cases = cases;
    this.reviews = reviews;
    this.exchanges = exchanges;
    this.rules = rules;
    this.completions = completions;
    this.audit = audit;
    this.json = json;
  }

  public CaseAnswer run(TenantContext tenant, String caseId, AnswerContent sent) {
    AnswerRules.refuseIfAny(rules.forAnswer(sent));
    // Every stored answer has a management category (the second read compares it): a body without
    // one gets the one its referral and prescriptions suggest, the same again on a retry.
    AnswerContent content =
        sent.management() != null
            ? sent
            : sent.withManagement(ManagementCategory.suggestedFor(sent));
    StoredCase stored = reviewableCase(cases, audit, tenant, caseId, "case.answer");
    CaseRecord c = stored.record();
    ItemKey key = CaseExchangeItems.key(caseId, "ANSWER", c.round());
    Optional<CaseExchangeItems.Stored<CaseAnswer>> existing =
        exchanges.get(tenant, key, CaseAnswer.class);
    if (existing.isEmpty()) {
      ReviewItem review =
          reviews
              .find(tenant, caseId)
              .map(ReviewStore.StoredReview::item)
              .orElseThrow(() -> AnswerRules.conflict("The case is not waiting for review."));
      requireClaim(tenant, review);
      CaseAnswer answer =
          new CaseAnswer(
              c.round(),
              tenant.subject(),
              tenant.actorName(),
              tenant.requestTime().toString(),
              followUpAt(tenant, content),
              content);
      if (exchanges.putIfAbsent(tenant, key, "ANSWER", answer)) {
        audit.wrote(
            tenant, "case.answer", AuditResource.ofPatient("case", caseId, c.patientSubject()));
      }
      existing = exchanges.get(tenant, key, CaseAnswer.class);
    }
    CaseAnswer answer = existing.orElseThrow().document();
    if (!answer.content().equals(content) || !answer.dermatologistId().equals(tenant.subject())) {
      throw AnswerRules.conflict("The case was already answered for this round.");
    }
    completions.complete(
        tenant, caseId, ReviewItem.Wait.REVIEW, callbackOutput(json, answer), true);
    return answer.shown();
  }

  /** A case of the acting clinic for a dermatologist, or the audited 404. */
  public static StoredCase reviewableCase(
      CaseStore cases, AuditTrail audit, TenantContext tenant, String caseId, String action) {
    return cases
        .find(tenant, caseId)
        .filter(s -> !s.record().isDraft())
        .orElseThrow(() -> audit.notFound(tenant, action, AuditResource.of("case", caseId)));
  }

  /** The review waits for the caller: it is queued for review and they hold an unexpired claim. */
  public static void requireClaim(TenantContext tenant, ReviewItem review) {
    if (review.waitingFor() != ReviewItem.Wait.REVIEW) {
      throw AnswerRules.conflict("The case is not waiting for review.");
    }
    if (!review.claimedBy(tenant.subject(), tenant.requestTime().getEpochSecond())) {
      throw AnswerRules.conflict(
          "Claim the case (claimCase) before answering it; a claim expires.");
    }
  }

  private static String followUpAt(TenantContext tenant, AnswerContent content) {
    if (content.followUp() == null) {
      return null;
    }
    return tenant.requestTime().plus(Duration.ofDays(content.followUp().inDays())).toString();
  }

  /** What ends the REVIEW wait for a stored answer (also QueueForReview's, for one stored). */
  public static String callbackOutput(ObjectMapper json, CaseAnswer answer) {
    ObjectNode output =
        json.createObjectNode()
            .put("outcome", "ANSWERED")
            .put("dermatologistId", answer.dermatologistId());
    if (answer.followUpAt() != null) {
      output.put("followUpAt", answer.followUpAt());
    }
    return output.toString();
  }
}
