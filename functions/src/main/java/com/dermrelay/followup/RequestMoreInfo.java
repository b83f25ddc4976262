package com.dermrelay.followup;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.InfoQuestion;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.quality.figures.QualityEvents;
import com.dermrelay.review.AnswerCase;
import com.dermrelay.review.AnswerRules;
import com.dermrelay.review.ReviewClaims;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.review.TaskCompletions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The dermatologist holding the claim asks the patient a question instead of answering: the
 * question is stored once for the round it opens ({@code QUESTION#<round + 1>}), then the REVIEW
 * wait ends with {@code {"outcome":"MORE_INFO_REQUESTED","dermatologistId"}} and the claim is
 * released (the case comes back to the same dermatologist first after the reply). The workflow's
 * RequestMoreInfo step then opens the round and notifies the patient. Idempotent like answerCase.
 */
public final class RequestMoreInfo {
  static final int MAX_QUESTION = 2000;

  private final CaseStore cases;
  private final ReviewClaims claims;
  private final CaseExchangeItems exchanges;
  private final TaskCompletions completions;
  private final AuditTrail audit;
  private final QualityEvents quality;

  @Inject
  public RequestMoreInfo(
      CaseStore cases,
      ReviewClaims claims,
      CaseExchangeItems exchanges,
      TaskCompletions completions,
      AuditTrail audit,
      QualityEvents quality) {
    this.cases = cases;
    this.claims = claims;
    this.exchanges = exchanges;
    this.completions = completions;
    this.audit = audit;
    this.quality = quality;
  }

  public InfoQuestion run(TenantContext tenant, String caseId, InfoQuestion.Ask ask) {
    String question = ask.question();
    if (question == null || question.isBlank() || question.length() > MAX_QUESTION) {
      AnswerRules.refuseIfAny(
          List.of(
              AnswerRules.error(
                  "/question", "is required, at most " + MAX_QUESTION + " characters")));
    }
    CaseRecord c =
        AnswerCase.reviewableCase(cases, audit, tenant, caseId, "case.question").record();
    // A retry after the workflow opened the question's round finds it at the current round.
    int questionRound =
        CaseRecord.MORE_INFO_REQUESTED.equals(c.status()) ? c.round() : c.round() + 1;
    Optional<InfoQuestion> asked =
        exchanges
            .get(
                tenant,
                CaseExchangeItems.key(caseId, "QUESTION", questionRound),
                InfoQuestion.class)
            .map(CaseExchangeItems.Stored::document);
    if (asked.isEmpty()) {
      if (exchanges
          .get(tenant, CaseExchangeItems.key(caseId, "ANSWER", c.round()), CaseAnswer.class)
          .isPresent()) {
        throw AnswerRules.conflict("The case was already answered for this round.");
      }
      claims.requireCallersClaim(tenant, caseId);
      ItemKey key = CaseExchangeItems.key(caseId, "QUESTION", questionRound);
      InfoQuestion fresh =
          new InfoQuestion(
              questionRound,
              question,
              tenant.subject(),
              tenant.actorName(),
              tenant.requestTime().toString(),
              ask.asksForNewPhotos() ? Boolean.TRUE : null);
      if (exchanges.putIfAbsent(tenant, key, "QUESTION", fresh)) {
        audit.wrote(
            tenant, "case.question", AuditResource.ofPatient("case", caseId, c.patientSubject()));
      }
      asked =
          exchanges.get(tenant, key, InfoQuestion.class).map(CaseExchangeItems.Stored::document);
    }
    InfoQuestion stored = asked.orElseThrow();
    if (!stored.question().equals(question)
        || stored.asksForNewPhotos() != ask.asksForNewPhotos()
        || !stored.dermatologistId().equals(tenant.subject())) {
      throw AnswerRules.conflict("A question was already asked for this round.");
    }
    // Counted once per round for the quality figures (a retried request counts nothing).
    quality.moreInfoRequested(
        tenant,
        caseId,
        questionRound,
        stored.dermatologistId(),
        c.intake() == null ? null : c.intake().fitzpatrickType(),
        stored.asksForNewPhotos(),
        Instant.parse(stored.askedAt()));
    completions.complete(
        tenant,
        caseId,
        ReviewItem.Wait.REVIEW,
        "{\"outcome\":\"MORE_INFO_REQUESTED\",\"dermatologistId\":\"" + tenant.subject() + "\"}",
        true);
    return stored.shown();
  }
}
