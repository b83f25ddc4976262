package com.dermrelay.review;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * getAnswer and acknowledgeAnswer: the patient's own case's latest answer, once delivered (the case
 * is ANSWERED, FOLLOW_UP_DUE or CLOSED; before that there is none to read, 404), and the record
 * that they read it (timeline {@code answer_read}, once per delivered answer). An amended answer is
 * read as amended: the current answer, with when and why it changed and the answer as first sent
 * ({@link AnswerView.Amended}).
 */
public final class GetAnswer {
  static final Set<String> DELIVERED =
      Set.of(CaseRecord.ANSWERED, CaseRecord.FOLLOW_UP_DUE, CaseRecord.CLOSED);

  private final CaseStore cases;
  private final CaseExchangeItems exchanges;
  private final DiagnosisList diagnoses;
  private final AuditTrail audit;

  @Inject
  public GetAnswer(
      CaseStore cases, CaseExchangeItems exchanges, DiagnosisList diagnoses, AuditTrail audit) {
    this.cases = cases;
    this.exchanges = exchanges;
    this.diagnoses = diagnoses;
    this.audit = audit;
  }

  public AnswerView read(TenantContext tenant, String caseId) {
    CaseRecord c = cases.ownCase(tenant, caseId, "case.answer.read").record();
    CaseAnswer answer = delivered(tenant, c);
    audit.read(tenant, AuditResource.ofPatient("answer", caseId, tenant.subject()));
    return view(c, answer);
  }

  public AnswerView acknowledge(TenantContext tenant, String caseId) {
    CaseRecord c = cases.ownCase(tenant, caseId, "case.answer.acknowledge").record();
    CaseAnswer answer = delivered(tenant, c);
    String now = tenant.requestTime().toString();
    CaseRecord read =
        cases
            .update(
                tenant,
                caseId,
                current ->
                    readAt(current, answer) != null
                        ? current
                        : current.withEvent(now, "answer_read"))
            .record();
    audit.wrote(
        tenant,
        "case.answer.acknowledge",
        AuditResource.ofPatient("answer", caseId, tenant.subject()));
    return view(read, answer);
  }

  private CaseAnswer delivered(TenantContext tenant, CaseRecord c) {
    if (!DELIVERED.contains(c.status())) {
      throw ApiProblem.notFound("The case has no answer yet.");
    }
    return exchanges
        .latest(tenant, c.caseId(), "ANSWER", CaseAnswer.class)
        .map(CaseExchangeItems.Stored::document)
        .orElseThrow(() -> ApiProblem.notFound("The case has no answer yet."));
  }

  private AnswerView view(CaseRecord c, CaseAnswer answer) {
    Optional<CaseAnswer.Amendment> amendment = answer.latestAmendment();
    if (amendment.isEmpty()) {
      return view(c, answer, answer.content(), answer.followUpAt(), readAt(c, answer), null);
    }
    CaseAnswer.Amendment a = amendment.get();
    AnswerView original = view(c, answer, answer.content(), answer.followUpAt(), null, null);
    AnswerView current = view(c, answer, a.content(), a.followUpAt(), null, null);
    return view(
        c,
        answer,
        a.content(),
        a.followUpAt(),
        readAt(c, answer),
        new AnswerView.Amended(
            a.amendedAt(),
            a.amendedByName(),
            a.patientMessage(),
            changes(original, current),
            original));
  }

  /** The fields of the patient's view that differ, in the order the answer card shows them. */
  static List<String> changes(AnswerView before, AnswerView after) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(before.diagnosis(), after.diagnosis())) {
      changed.add("diagnosis");
    }
    if (!Objects.equals(before.differentials(), after.differentials())) {
      changed.add("differentials");
    }
    if (!Objects.equals(before.explanation(), after.explanation())) {
      changed.add("explanation");
    }
    if (!Objects.equals(before.treatmentPlan(), after.treatmentPlan())) {
      changed.add("treatmentPlan");
    }
    if (!Objects.equals(before.prescriptions(), after.prescriptions())) {
      changed.add("prescriptions");
    }
    if (!Objects.equals(before.referral(), after.referral())) {
      changed.add("referral");
    }
    if (!Objects.equals(before.followUpDate(), after.followUpDate())) {
      changed.add("followUpDate");
    }
    if (!Objects.equals(before.surveillance(), after.surveillance())) {
      changed.add("surveillance");
    }
    return changed;
  }

  private AnswerView view(
      CaseRecord c,
      CaseAnswer answer,
      AnswerContent a,
      String followUpAt,
      String readAt,
      AnswerView.Amended amended) {
    return new AnswerView(
        c.caseId(),
        Rounds.shown(answer.round()),
        answer.answeredAt(),
        answer.dermatologistName(),
        condition(a.diagnosis().code()),
        a.differentials().stream().map(this::condition).toList(),
        a.patientExplanation(),
        a.treatmentPlan(),
        a.prescriptions(),
        a.referral(),
        followUpAt == null
            ? null
            : Instant.parse(followUpAt).atZone(ZoneOffset.UTC).toLocalDate().toString(),
        a.surveillance(),
        readAt,
        amended);
  }

  private AnswerView.Condition condition(String code) {
    return diagnoses
        .find(code)
        .map(AnswerView.Condition::of)
        .orElse(new AnswerView.Condition(code, code, null));
  }

  /**
   * When the answer as it stands was read: the latest delivered answer's {@code answer_read}, and
   * for an amended one only a reading after the amendment (the patient must read the new one).
   */
  private static String readAt(CaseRecord c, CaseAnswer answer) {
    String read = readAt(c);
    String amendedAt = answer.latestAmendment().map(CaseAnswer.Amendment::amendedAt).orElse(null);
    if (read == null || amendedAt == null) {
      return read;
    }
    return Instant.parse(read).isBefore(Instant.parse(amendedAt)) ? null : read;
  }

  /**
   * When the latest delivered answer was read: an {@code answer_read} after the last {@code
   * answered}.
   */
  private static String readAt(CaseRecord c) {
    for (int i = c.timeline().size() - 1; i >= 0; i--) {
      CaseRecord.TimelineEntry e = c.timeline().get(i);
      if (e.event().equals("answer_read")) {
        return e.at();
      }
      if (e.event().equals("answered")) {
        return null;
      }
    }
    return null;
  }
}
