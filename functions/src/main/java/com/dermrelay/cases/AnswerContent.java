package com.dermrelay.cases;

import java.util.List;

/**
 * What a dermatologist answers (answerCase's body, and a draft's content, where anything may be
 * missing). Codes are {@link Diagnosis#code()} of the curated list.
 *
 * @param diagnosis the working diagnosis: a code of the list and the dermatologist's free text
 * @param differentials other diagnoses considered, by code, most likely first
 * @param patientExplanation what the condition is and what to do, in plain language for the patient
 * @param treatmentPlan the plan (shown to the patient too)
 * @param prescriptions structured prescription items
 * @param referral whether in-person care is advised, and how soon
 * @param followUp when the patient should send follow-up photos; null for none
 * @param templateId the answer template it started from (templates.AnswerTemplate), if any: the
 *     quality figures compare answers by the template they began with
 * @param templateVersion that template's version, with {@code templateId}
 * @param management the {@link ManagementCategory} code, compared with a second read's (quality
 *     programme); a stored answer always has one: answerCase stores the suggested one ({@link
 *     ManagementCategory#suggestedFor}) when a body leaves it out
 * @param fitzpatrickType the skin type (1-6) the dermatologist judged from the photos, for the
 *     quality figures by skin type and the second-read rule for types V-VI; null when not recorded
 * @param surveillance the lesion is to be photographed again after some months and compared; null
 *     for none
 */
public record AnswerContent(
    DiagnosisChoice diagnosis,
    List<String> differentials,
    String patientExplanation,
    String treatmentPlan,
    List<Prescription> prescriptions,
    Referral referral,
    FollowUpInterval followUp,
    String templateId,
    Integer templateVersion,
    String management,
    Integer fitzpatrickType,
    Surveillance surveillance) {

  public AnswerContent {
    differentials = differentials == null ? List.of() : List.copyOf(differentials);
    prescriptions = prescriptions == null ? List.of() : List.copyOf(prescriptions);
  }

  /**
   * Content without a management category, a skin type or surveillance: a template's parts, a
   * sample.
   */
  public AnswerContent(
      DiagnosisChoice diagnosis,
      List<String> differentials,
      String patientExplanation,
      String treatmentPlan,
      List<Prescription> prescriptions,
      Referral referral,
      FollowUpInterval followUp,
      String templateId,
      Integer templateVersion) {
    this(
        diagnosis,
        differentials,
        patientExplanation,
        treatmentPlan,
        prescriptions,
        referral,
        followUp,
        templateId,
        templateVersion,
        null,
        null,
        null);
  }

  /** The same content with {@code category} as its management. */
  public AnswerContent withManagement(ManagementCategory category) {
    return new AnswerContent(
        diagnosis,
        differentials,
        patientExplanation,
        treatmentPlan,
        prescriptions,
        referral,
        followUp,
        templateId,
        templateVersion,
        category.name(),
        fitzpatrickType,
        surveillance);
  }

  /** A code of the curated list and free text (e.g. the site, a qualifier). */
  public record DiagnosisChoice(String code, String note) {}

  /**
   * One prescribed medicine.
   *
   * @param form one of {@code review.AnswerRules.FORMS}
   * @param quantity the amount to dispense, as written (e.g. {@code 30 g}, {@code 56 tablets})
   * @param refills repeats allowed, 0-12
   */
  public record Prescription(
      String medicine,
      String strength,
      String form,
      String directions,
      String quantity,
      Integer refills) {}

  /**
   * @param urgency ROUTINE, SOON or URGENT; required when advised, absent otherwise
   */
  public record Referral(Boolean advised, String urgency, String note) {}

  /**
   * @param inDays 1-365 days after the answer
   */
  public record FollowUpInterval(Integer inDays) {}

  /**
   * @param inMonths 1-24 months after the answer, when the next photos are due
   * @param instructions how to take them (e.g. the same distance and light), shown to the patient
   */
  public record Surveillance(Integer inMonths, String instructions) {}
}
