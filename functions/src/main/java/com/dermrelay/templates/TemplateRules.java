package com.dermrelay.templates;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.NameText;
import com.dermrelay.review.AnswerRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;

/**
 * The rules of a template: a code of the curated list, words only in the languages the clinic
 * offers, and for the rest the answer's own rules as a draft ({@link AnswerRules#forDraft}: a
 * template may leave parts out, the answer sent from it must be complete). Errors name fields by
 * JSON pointer.
 */
public final class TemplateRules {
  static final int MAX_TITLE = 120;

  private final DiagnosisList diagnoses;
  private final AnswerRules answers;

  @Inject
  public TemplateRules(DiagnosisList diagnoses, AnswerRules answers) {
    this.diagnoses = diagnoses;
    this.answers = answers;
  }

  /** 400 naming every bad field of the body, if any. */
  void check(AnswerTemplate.Put put, Set<String> clinicLanguages) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (put.version() == null || put.version() < 0) {
      errors.add(
          AnswerRules.error("/version", "is required: the version you read, 0 for a new template"));
    }
    if (put.diagnosisCode() == null) {
      errors.add(AnswerRules.error("/diagnosisCode", "is required"));
    } else if (diagnoses.find(put.diagnosisCode()).isEmpty()) {
      errors.add(
          AnswerRules.error(
              "/diagnosisCode", "is not a code of the diagnosis list (searchDiagnoses)"));
    }
    if (put.title() != null) {
      if (put.title().isBlank() || put.title().length() > MAX_TITLE) {
        errors.add(AnswerRules.error("/title", "must be 1 to " + MAX_TITLE + " characters"));
      } else {
        NameText.check("/title", put.title()).ifPresent(errors::add);
      }
    }
    if (put.texts() == null || put.texts().isEmpty()) {
      errors.add(AnswerRules.error("/texts", "needs the words of at least one language"));
    } else {
      for (Map.Entry<String, AnswerTemplate.Texts> entry : put.texts().entrySet()) {
        String at = "/texts/" + entry.getKey();
        AnswerTemplate.Texts texts = entry.getValue();
        if (!clinicLanguages.contains(entry.getKey())) {
          errors.add(AnswerRules.error(at, "is not a language the clinic offers"));
        } else if (texts == null) {
          errors.add(AnswerRules.error(at, "must be an object"));
        } else if (blank(texts.patientExplanation()) && blank(texts.treatmentPlan())) {
          errors.add(
              AnswerRules.error(at + "/patientExplanation", "is required (or a treatment plan)"));
        } else {
          errors.addAll(
              answers.forDraft(
                  new AnswerContent(
                      null,
                      null,
                      texts.patientExplanation(),
                      texts.treatmentPlan(),
                      texts.prescriptions(),
                      null,
                      null,
                      null,
                      null,
                      null),
                  at));
        }
      }
    }
    errors.addAll(
        answers.forDraft(
            new AnswerContent(
                null, null, null, null, null, put.referral(), put.followUp(), null, null, null),
            ""));
    AnswerRules.refuseIfAny(errors);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
