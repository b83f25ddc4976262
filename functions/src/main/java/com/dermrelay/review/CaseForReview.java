package com.dermrelay.review;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.CaseAnswer;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.DermoscopyFacts;
import com.dermrelay.cases.IntakeAnswers;
import com.dermrelay.cases.Rounds;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The whole case as a dermatologist of the clinic reads it (getCaseForReview): the intake, the
 * triage, every round with its photos (short-lived links), the answers given so far and the same
 * patient's earlier cases for comparison. The patient appears by age and sex only.
 *
 * @param secondsUntilDue negative when overdue; null when the case is not queued with a due time
 * @param round the case's current round, as shown (1 the intake; {@link Rounds})
 * @param intakeVersion the questionnaire version the patient answered (1: fewer questions)
 */
// Every property of CaseForReview is required by the contract: one without a value is null.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseForReview(
    String caseId,
    String tenantId,
    String clinicName,
    String status,
    String priority,
    String dueAt,
    Long secondsUntilDue,
    Claim claim,
    Patient patient,
    String submittedAt,
    int round,
    IntakeAnswers intake,
    int intakeVersion,
    Triage triage,
    List<Round> rounds,
    List<Answer> answers,
    List<EarlierCase> earlierCases) {

  /**
   * @param state {@code mine}, {@code other} or {@code none} (an expired lease is none)
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Claim(String state, String until, String byName) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Patient(Integer age, String sex) {}

  /**
   * @param decision what decided the priority; null for a triage stored before it was recorded
   */
  public record Triage(
      String priority,
      int score,
      int sevenPointScore,
      List<CaseRecord.TriageReasonEntry> reasons,
      CaseRecord.TriageDecision decision) {}

  /**
   * One exchange with the patient.
   *
   * @param kind {@code intake}, {@code info_reply} (a question and its reply) or {@code follow_up}
   * @param at when the patient sent it (or the question was asked, while unanswered)
   * @param question the dermatologist's question ({@code info_reply} only)
   * @param text the patient's reply ({@code info_reply} only)
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Round(
      int round,
      String kind,
      String at,
      String question,
      String text,
      FollowUp followUp,
      List<Photo> photos) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record FollowUp(String progress, boolean newSymptoms, String notes) {}

  /**
   * A checked photo and presigned GET links to its clean copy and thumbnail; a dermoscopic one also
   * says how it was taken ({@code dermoscopy}, left out for the other views).
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Photo(
      String photoId,
      String view,
      String verdict,
      List<CaseRecord.Advice> findings,
      boolean kept,
      Integer width,
      Integer height,
      String url,
      String thumbnailUrl,
      @JsonInclude(JsonInclude.Include.NON_NULL) DermoscopyFacts dermoscopy) {}

  /** A sent answer: answerCase's body plus when and by whom. */
  public record Answer(
      int round,
      AnswerContent.DiagnosisChoice diagnosis,
      List<String> differentials,
      String patientExplanation,
      String treatmentPlan,
      List<AnswerContent.Prescription> prescriptions,
      AnswerContent.Referral referral,
      AnswerContent.FollowUpInterval followUp,
      String answeredAt,
      String dermatologistName,
      String templateId,
      Integer templateVersion,
      String management,
      Integer fitzpatrickType,
      AnswerContent.Surveillance surveillance,
      int answerVersion,
      String amendedAt) {
    /** The answer as the patient reads it now: amended, the latest amendment (docs/quality.md). */
    static Answer of(CaseAnswer a) {
      AnswerContent c = a.current();
      return new Answer(
          Rounds.shown(a.round()),
          c.diagnosis(),
          c.differentials(),
          c.patientExplanation(),
          c.treatmentPlan(),
          c.prescriptions(),
          c.referral(),
          c.followUp(),
          a.answeredAt(),
          a.dermatologistName(),
          c.templateId(),
          c.templateVersion(),
          c.management(),
          c.fitzpatrickType(),
          c.surveillance(),
          a.version(),
          a.latestAmendment().map(CaseAnswer.Amendment::amendedAt).orElse(null));
    }
  }

  /** Another case of the same patient at the same clinic. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record EarlierCase(
      String caseId,
      String submittedAt,
      String status,
      List<String> bodySites,
      DiagnosisRef diagnosis,
      List<Photo> photos) {}

  public record DiagnosisRef(String code, String name) {}
}
