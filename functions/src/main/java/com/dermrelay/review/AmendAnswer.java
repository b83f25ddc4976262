package com.dermrelay.review;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.quality.FlaggedSecondReads;
import com.dermrelay.quality.SecondRead;
import com.dermrelay.review.workflow.PatientNotices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;

/**
 * amendAnswer: after a second read flagged a round (docs/quality.md), a medical lead of the clinic
 * or the dermatologist who answered writes a corrected answer and a message to the patient. One
 * conditional write on the answer item's version appends it to the answer's amendments (the answer
 * as first sent is kept, never overwritten) and makes it the one the patient reads; then the audit
 * record, the patient's notice (no health detail) and the flag's resolution.
 *
 * <p>Idempotent: the same request again (the same Idempotency-Key, or without one the same author,
 * answer and message on the same version) gets the same amendment, and redoes what a crash may have
 * left undone (the notice may then be sent twice, as the answer's own notice may). Another
 * amendment needs the current {@code answerVersion} (409 otherwise).
 */
public final class AmendAnswer {
  static final int MAX_MESSAGE = 1000;

  private final FlaggedSecondReads flags;
  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final AnswerRules rules;
  private final AuditTrail audit;
  private final PatientNotices notices;

  @Inject
  public AmendAnswer(
      FlaggedSecondReads flags,
      CaseStore cases,
      CaseExchangeItems exchanges,
      AnswerRules rules,
      AuditTrail audit,
      PatientNotices notices) {
    this.flags = flags;
    this.cases = cases;
    this.exchanges = exchanges;
    this.rules = rules;
    this.audit = audit;
    this.notices = notices;
  }

  /**
   * The request body.
   *
   * @param answerVersion the version of the answer the correction replaces (1: as first sent)
   */
  public record Request(AnswerContent answer, String patientMessage, Integer answerVersion) {}

  /** The amendment made current. */
  public record Amended(
      String caseId,
      int round,
      int answerVersion,
      String amendedAt,
      String amendedByName,
      String role,
      String patientMessage,
      AnswerContent answer) {}

  public Amended run(
      TenantContext tenant, String caseId, int round, Request request, Optional<String> key) {
    validate(request);
    FlaggedSecondReads.Flag flag = flags.actOn(tenant, caseId, round, true);
    CaseRecord c =
        AnswerCase.reviewableCase(cases, audit, tenant, caseId, "case.answer.amend").record();
    ItemKey itemKey = CaseExchangeItems.key(caseId, "ANSWER", Rounds.stored(round));
    CaseExchangeItems.Stored<CaseAnswer> stored =
        exchanges
            .get(tenant, itemKey, CaseAnswer.class)
            .orElseThrow(() -> ApiProblem.notFound("The round has no answer."));
    CaseAnswer answer = stored.document();
    Optional<CaseAnswer.Amendment> earlier = sameRequest(tenant, answer, request, key);
    CaseAnswer.Amendment amendment;
    if (earlier.isPresent()) {
      amendment = earlier.get();
    } else {
      if (answer.version() != request.answerVersion()) {
        throw AnswerRules.conflict(
            "The answer changed since it was read: amend version "
                + answer.version()
                + " after reading it again.");
      }
      amendment =
          new CaseAnswer.Amendment(
              answer.version() + 1,
              tenant.requestTime().toString(),
              tenant.subject(),
              tenant.actorName(),
              flag.role(),
              request.patientMessage(),
              key.orElse(null),
              followUpAt(tenant, request.answer(), answer),
              request.answer());
      try {
        exchanges.putVersioned(
            tenant, itemKey, "ANSWER", answer.amendedWith(amendment), stored.version());
      } catch (VersionConflictException e) {
        throw AnswerRules.conflict("Someone else amended the answer first: read it again.");
      }
      audit.wrote(
          tenant,
          "case.answer.amend",
          AuditResource.ofPatient("answer", caseId + "/" + round, c.patientSubject()));
    }
    SecondRead.Resolution standing = flag.read().resolution();
    if (standing == null || standing.answerVersion() < amendment.version()) {
      notices.send(tenant, c.patientSubject(), PatientNotices.Notice.AMENDED);
      flags.resolve(
          tenant,
          flag,
          new SecondRead.Resolution(
              SecondRead.AMENDED,
              amendment.amendedBy(),
              amendment.amendedByName(),
              amendment.role(),
              amendment.amendedAt(),
              null,
              amendment.version()));
    }
    return new Amended(
        caseId,
        round,
        amendment.version(),
        amendment.amendedAt(),
        amendment.amendedByName(),
        amendment.role(),
        amendment.patientMessage(),
        amendment.content());
  }

  /** The amendment an earlier attempt of this request made, if any; 409 for a reused key. */
  private static Optional<CaseAnswer.Amendment> sameRequest(
      TenantContext tenant, CaseAnswer answer, Request request, Optional<String> key) {
    if (answer.amendments() == null) {
      return Optional.empty();
    }
    for (CaseAnswer.Amendment a : answer.amendments()) {
      boolean sameContent =
          a.amendedBy().equals(tenant.subject())
              && a.content().equals(request.answer())
              && a.patientMessage().equals(request.patientMessage());
      if (key.isPresent() && key.get().equals(a.idempotencyKey())) {
        if (!sameContent) {
          throw AnswerRules.conflict("That Idempotency-Key was used for another amendment.");
        }
        return Optional.of(a);
      }
      if (key.isEmpty()
          && sameContent
          && a.version() == request.answerVersion() + 1
          && Objects.isNull(a.idempotencyKey())) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  private void validate(Request request) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (request.answer() == null) {
      errors.add(AnswerRules.error("/answer", "is required"));
    } else {
      errors.addAll(rules.forAnswer(request.answer(), "/answer"));
      if (request.answer().management() == null) {
        errors.add(AnswerRules.error("/answer/management", "is required"));
      }
    }
    String message = request.patientMessage();
    if (message == null || message.isBlank()) {
      errors.add(AnswerRules.error("/patientMessage", "is required: why the answer changed"));
    } else if (message.length() > MAX_MESSAGE) {
      errors.add(
          AnswerRules.error("/patientMessage", "must be at most " + MAX_MESSAGE + " characters"));
    }
    if (request.answerVersion() == null) {
      errors.add(AnswerRules.error("/answerVersion", "is required: the version you read"));
    } else if (request.answerVersion() < 1) {
      errors.add(AnswerRules.error("/answerVersion", "must be 1 or more"));
    }
    AnswerRules.refuseIfAny(errors);
  }

  /**
   * The amended answer's follow-up: unchanged, the date the patient was given (and the case
   * workflow's timer, set from the answer as first sent); changed, counted from now.
   */
  private static String followUpAt(TenantContext tenant, AnswerContent content, CaseAnswer answer) {
    if (content.followUp() == null) {
      return null;
    }
    if (Objects.equals(content.followUp(), answer.current().followUp())) {
      return answer.currentFollowUpAt();
    }
    return tenant.requestTime().plus(Duration.ofDays(content.followUp().inDays())).toString();
  }
}
