package com.dermrelay.review;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.Diagnosis;
import java.util.List;

/**
 * A delivered answer as its patient reads it (getAnswer): plain-language names, the plan,
 * prescriptions, referral and follow-up date, and who answered.
 *
 * @param followUpDate the day follow-up photos are due (ISO date, UTC), null for none
 * @param surveillance the lesion is under surveillance: when and how to photograph it again
 * @param readAt when the patient acknowledged it, null before
 * @param amended when the answer was corrected after it was sent (quality programme): when, the
 *     dermatologist's message, what changed and the answer as first sent; null when never amended
 */
public record AnswerView(
    String caseId,
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
    AnswerContent.Surveillance surveillance,
    String readAt,
    Amended amended) {

  /**
   * The answer above is an amended one.
   *
   * @param changes what differs from the answer as first sent, by field: {@code diagnosis}, {@code
   *     differentials}, {@code explanation}, {@code treatmentPlan}, {@code prescriptions}, {@code
   *     referral}, {@code followUpDate}, {@code surveillance}
   * @param original the answer as first sent (its {@code readAt} and {@code amended} absent)
   */
  public record Amended(
      String amendedAt,
      String amendedByName,
      String message,
      List<String> changes,
      AnswerView original) {}

  /** A diagnosis in the patient's words, with its clinical name and ICD-10 code. */
  public record Condition(String name, String clinicalName, String icd10) {
    static Condition of(Diagnosis d) {
      return new Condition(d.patientName(), d.name(), d.icd10());
    }
  }
}
