package com.dermrelay.templates;

import com.dermrelay.cases.AnswerContent;
import java.util.List;
import java.util.Map;

/**
 * An answer template as the API shows it: what a dermatologist's answer for one diagnosis usually
 * says, to start from and edit (docs/workflow.md, "Answer templates").
 *
 * @param scope CLINIC (the clinic admin's, offered to every dermatologist of the clinic once
 *     reviewed) or PERSONAL (one dermatologist's own)
 * @param version the version every change is conditioned on
 * @param diagnosisCode a code of the curated list ({@code Diagnosis#code})
 * @param texts per language the clinic offers (en, es, ...): what the patient reads
 * @param reviewed a clinic template is offered to dermatologists only once a clinic admin marked it
 *     clinically reviewed; personal templates are their author's responsibility (always true)
 * @param sources the public patient-information pages a starter template was written from
 * @param starter whether it came from the starter set (importStarterTemplates)
 */
public record AnswerTemplate(
    String id,
    String scope,
    long version,
    String diagnosisCode,
    String title,
    Map<String, Texts> texts,
    AnswerContent.FollowUpInterval followUp,
    AnswerContent.Referral referral,
    boolean reviewed,
    String reviewedAt,
    boolean starter,
    List<Source> sources,
    String updatedAt) {

  public static final String CLINIC = "CLINIC";
  public static final String PERSONAL = "PERSONAL";

  /**
   * One language's words: the explanation, the plan and the prescriptions (their directions are
   * written in that language), as {@link AnswerContent} holds them.
   */
  public record Texts(
      String patientExplanation,
      String treatmentPlan,
      List<AnswerContent.Prescription> prescriptions) {
    public Texts {
      prescriptions = prescriptions == null ? List.of() : List.copyOf(prescriptions);
    }
  }

  /** A cited public source. */
  public record Source(String title, String url) {}

  /** putAnswerTemplate's and putMyAnswerTemplate's body. */
  public record Put(
      Long version,
      String diagnosisCode,
      String title,
      Map<String, Texts> texts,
      AnswerContent.FollowUpInterval followUp,
      AnswerContent.Referral referral,
      Boolean reviewed) {}

  /** A list of templates (listAnswerTemplates, listMyAnswerTemplates). */
  public record Listing(List<AnswerTemplate> templates) {}
}
