package com.dermrelay.review;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.cases.FollowUpReport;
import com.dermrelay.cases.InfoQuestion;
import com.dermrelay.cases.InfoReply;
import com.dermrelay.cases.Rounds;
import com.dermrelay.core.access.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Everything the clinic and the patient exchanged about one of the patient's cases, for the
 * patient's data export: the dermatologists' questions, the patient's replies, the answers
 * delivered to the patient and the follow-ups, oldest first, rounds as shown ({@link Rounds}).
 * Staff appear by name only. An answer the workflow has not delivered yet is left out: the patient
 * gets what they could read, no sooner.
 */
public final class Consultations {
  private final CaseExchangeItems exchanges;
  private final DiagnosisList diagnoses;

  @Inject
  public Consultations(CaseExchangeItems exchanges, DiagnosisList diagnoses) {
    this.exchanges = exchanges;
    this.diagnoses = diagnoses;
  }

  /** One case's exchanges. */
  public record Consultation(
      String caseId,
      String submittedAt,
      List<Question> questions,
      List<Reply> replies,
      List<Answer> answers,
      List<FollowUp> followUps) {}

  public record Question(int round, String askedAt, String dermatologistName, String question) {}

  /**
   * @param photos the photos sent with the reply, by view key as shown ({@code close_up@2})
   */
  public record Reply(int round, String sentAt, String text, List<InfoReply.PhotoRef> photos) {}

  /**
   * An answer as the patient was given it, with the dermatologist's own notes on it.
   *
   * @param followUpDate the day follow-up photos were asked for (ISO date, UTC), null for none
   * @param amendedAt when the answer was last corrected after it was sent (it is shown as
   *     corrected), null when never
   */
  public record Answer(
      int round,
      String answeredAt,
      String dermatologistName,
      Condition diagnosis,
      List<Condition> differentials,
      String explanation,
      String treatmentPlan,
      List<AnswerContent.Prescription> prescriptions,
      AnswerContent.Referral referral,
      String followUpDate,
      String amendedAt) {}

  /**
   * A diagnosis by the curated list: the patient's words, the clinical name and its codes.
   *
   * @param note the dermatologist's free text on the working diagnosis (null for differentials)
   */
  public record Condition(
      String code, String name, String clinicalName, String icd10, String note) {}

  /**
   * @param photos the follow-up's photos, by view key as shown
   */
  public record FollowUp(
      int round,
      String sentAt,
      String progress,
      boolean newSymptoms,
      String notes,
      List<InfoReply.PhotoRef> photos) {}

  /** The exchanges of {@code c}, a case of the patient in {@code tenant}'s context. */
  public Consultation of(TenantContext tenant, CaseRecord c) {
    List<Question> questions = new ArrayList<>();
    List<Reply> replies = new ArrayList<>();
    List<Answer> answers = new ArrayList<>();
    List<FollowUp> followUps = new ArrayList<>();
    // Sorted by key (<KIND>#<round>), so each list runs oldest first.
    for (Map.Entry<String, CaseExchangeItems.Exchange> item :
        exchanges.sentItems(tenant, c.caseId()).entrySet()) {
      String kind = item.getKey().substring(0, item.getKey().indexOf('#'));
      switch (kind) {
        case "QUESTION" -> {
          InfoQuestion q = exchanges.document(item.getValue(), InfoQuestion.class);
          questions.add(
              new Question(
                  Rounds.shown(q.round()), q.askedAt(), q.dermatologistName(), q.question()));
        }
        case "REPLY" -> {
          InfoReply r = exchanges.document(item.getValue(), InfoReply.class).shown();
          replies.add(new Reply(r.round(), r.sentAt(), r.text(), r.photos()));
        }
        case "ANSWER" -> {
          CaseAnswer a = exchanges.document(item.getValue(), CaseAnswer.class);
          if (delivered(c, a)) {
            answers.add(answer(a));
          }
        }
        case "FOLLOWUP" -> {
          FollowUpReport f = exchanges.document(item.getValue(), FollowUpReport.class).shown();
          followUps.add(
              new FollowUp(
                  f.round(), f.sentAt(), f.progress(), f.newSymptoms(), f.notes(), f.photos()));
        }
        default -> {}
      }
    }
    return new Consultation(c.caseId(), c.submittedAt(), questions, replies, answers, followUps);
  }

  /**
   * An earlier round's answer was delivered before the case moved on; the current one once the case
   * says so.
   */
  private static boolean delivered(CaseRecord c, CaseAnswer a) {
    return a.round() < c.round() || GetAnswer.DELIVERED.contains(c.status());
  }

  private Answer answer(CaseAnswer stored) {
    AnswerContent a = stored.current();
    String followUpAt = stored.currentFollowUpAt();
    Condition diagnosis =
        a.diagnosis() == null ? null : condition(a.diagnosis().code(), a.diagnosis().note());
    return new Answer(
        Rounds.shown(stored.round()),
        stored.answeredAt(),
        stored.dermatologistName(),
        diagnosis,
        a.differentials().stream().map(code -> condition(code, null)).toList(),
        a.patientExplanation(),
        a.treatmentPlan(),
        a.prescriptions(),
        a.referral(),
        followUpAt == null
            ? null
            : Instant.parse(followUpAt).atZone(ZoneOffset.UTC).toLocalDate().toString(),
        stored.latestAmendment().map(CaseAnswer.Amendment::amendedAt).orElse(null));
  }

  private Condition condition(String code, String note) {
    return diagnoses
        .find(code)
        .map(d -> new Condition(code, d.patientName(), d.name(), d.icd10(), note))
        .orElse(new Condition(code, code, code, null, note));
  }
}
