package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.fhir.delivery.StartEhrDelivery;
import com.dermrelay.metering.UsageKind;
import com.dermrelay.metering.UsageMeter;
import com.dermrelay.quality.StartSecondRead;
import com.dermrelay.quality.figures.QualityEvents;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.triage.Priority;
import java.time.Instant;
import javax.inject.Inject;

/**
 * The workflow's DeliverAnswer step: the dermatologist's answer (stored by answerCase) is published
 * to the patient. The case leaves the worklists and the claim ends; the patient is told to sign in;
 * then the case becomes ANSWERED (timeline {@code answered}), which marks the step done: a retry
 * after that changes nothing, a retry before it may repeat the notice. Before that last write the
 * round is handed to EHR delivery when the clinic has an endpoint, and to second reads when the
 * clinic samples it (both idempotent, both after the patient was told: never delaying the answer),
 * and the answer is metered once per round ({@link UsageKind#ANSWER_DELIVERED}) and the case's
 * first answer counted for the quality figures ({@link QualityEvents#answered}).
 */
public final class DeliverAnswer {
  private final WorkflowCases cases;
  private final ReviewChanges reviews;
  private final PatientNotices notices;
  private final StartEhrDelivery ehr;
  private final UsageMeter meter;
  private final CaseExchangeItems exchanges;
  private final StartSecondRead secondRead;
  private final QualityEvents quality;
  private final ClinicPolicy policy;

  @Inject
  public DeliverAnswer(
      WorkflowCases cases,
      ReviewChanges reviews,
      PatientNotices notices,
      StartEhrDelivery ehr,
      UsageMeter meter,
      CaseExchangeItems exchanges,
      StartSecondRead secondRead,
      QualityEvents quality,
      ClinicPolicy policy) {
    this.cases = cases;
    this.reviews = reviews;
    this.notices = notices;
    this.ehr = ehr;
    this.meter = meter;
    this.exchanges = exchanges;
    this.secondRead = secondRead;
    this.quality = quality;
    this.policy = policy;
  }

  public void run(TenantContext tenant, String caseId) {
    CaseRecord c = cases.get(tenant, caseId);
    if (CaseRecord.ANSWERED.equals(c.status())) {
      return;
    }
    reviews.apply(
        tenant,
        caseId,
        c.patientSubject(),
        item -> item.withoutClaim().waiting(ReviewItem.Wait.NONE, null));
    notices.send(tenant, c.patientSubject(), PatientNotices.Notice.ANSWER);
    // Answer rounds are 1-based (fhir.bundle.CaseBundles): the answer to case round N is N + 1.
    ehr.run(tenant, caseId, Rounds.shown(c.round()));
    meter.record(
        tenant,
        UsageKind.ANSWER_DELIVERED,
        caseId + "/" + Rounds.shown(c.round()),
        tenant.requestTime());
    exchanges
        .get(tenant, CaseExchangeItems.key(caseId, "ANSWER", c.round()), CaseAnswer.class)
        .map(CaseExchangeItems.Stored::document)
        .ifPresent(
            answer -> {
              quality.answered(tenant, answered(tenant, c, answer));
              secondRead.run(tenant, answeredRound(c, answer));
            });
    String now = tenant.requestTime().toString();
    cases.update(
        tenant,
        caseId,
        current ->
            CaseRecord.ANSWERED.equals(current.status())
                ? current
                : current.withStatus(CaseRecord.ANSWERED, now, "answered"));
  }

  private QualityEvents.Answered answered(TenantContext tenant, CaseRecord c, CaseAnswer answer) {
    Instant answeredAt =
        answer.answeredAt() == null ? tenant.requestTime() : Instant.parse(answer.answeredAt());
    Instant submittedAt = c.submittedAt() == null ? answeredAt : Instant.parse(c.submittedAt());
    String priority = c.triage() == null ? null : c.triage().priority();
    return new QualityEvents.Answered(
        c.caseId(),
        answer.dermatologistId(),
        submittedAt,
        answeredAt,
        priority == null ? null : policy.slaHours(tenant).forPriority(Priority.valueOf(priority)),
        answer.content() == null ? null : answer.content().management(),
        c.intake() == null ? null : c.intake().fitzpatrickType(),
        answer.content() == null ? null : answer.content().fitzpatrickType());
  }

  private static StartSecondRead.AnsweredRound answeredRound(CaseRecord c, CaseAnswer answer) {
    Integer skinType =
        answer.content() != null && answer.content().fitzpatrickType() != null
            ? answer.content().fitzpatrickType()
            : c.intake() == null ? null : c.intake().fitzpatrickType();
    Integer sevenPoint = c.triage() == null ? null : c.triage().sevenPointScore();
    return new StartSecondRead.AnsweredRound(
        c.caseId(), Rounds.shown(c.round()), answer.dermatologistId(), skinType, sevenPoint);
  }
}
