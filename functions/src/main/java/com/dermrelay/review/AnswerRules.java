package com.dermrelay.review;

import com.dermrelay.cases.AnswerContent;
import com.dermrelay.cases.DiagnosisList;
import com.dermrelay.cases.ManagementCategory;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.NameText;
import com.dermrelay.core.http.ProblemTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an answer's content: codes from the curated list, vocabularies, lengths and, for a
 * sent answer (not a draft), what is required. Errors name fields by JSON pointer, never values.
 */
public final class AnswerRules {
  public static final Set<String> FORMS =
      Set.of(
          "cream",
          "ointment",
          "gel",
          "lotion",
          "solution",
          "foam",
          "shampoo",
          "paste",
          "powder",
          "spray",
          "patch",
          "tablet",
          "capsule",
          "oral-liquid",
          "injection",
          "other");
  public static final Set<String> URGENCIES = Set.of("ROUTINE", "SOON", "URGENT");

  /** An answer template's id (templates.AnswerTemplate); also the path parameter's pattern. */
  public static final Pattern TEMPLATE_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

  static final int MAX_TEXT = 4000;
  static final int MAX_NOTE = 2000;
  static final int MAX_DIFFERENTIALS = 5;
  static final int MAX_PRESCRIPTIONS = 10;
  static final int MAX_SURVEILLANCE_MONTHS = 24;

  private final DiagnosisList diagnoses;

  @javax.inject.Inject
  public AnswerRules(DiagnosisList diagnoses) {
    this.diagnoses = diagnoses;
  }

  /** Every problem of a complete answer. */
  public List<ApiProblem.FieldError> forAnswer(AnswerContent a) {
    return check(a, true, "");
  }

  /** Every problem of a complete answer sent inside another body, at {@code base}. */
  public List<ApiProblem.FieldError> forAnswer(AnswerContent a, String base) {
    return check(a, true, base);
  }

  /** Problems of a draft's values; a draft may leave anything out. */
  public List<ApiProblem.FieldError> forDraft(AnswerContent a, String base) {
    return a == null ? List.of() : check(a, false, base);
  }

  private List<ApiProblem.FieldError> check(AnswerContent a, boolean complete, String base) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (a.diagnosis() == null) {
      if (complete) {
        errors.add(error(base + "/diagnosis", "is required"));
      }
    } else {
      code(errors, base + "/diagnosis/code", a.diagnosis().code(), complete);
      text(errors, base + "/diagnosis/note", a.diagnosis().note(), MAX_NOTE, false);
    }
    if (a.differentials().size() > MAX_DIFFERENTIALS) {
      errors.add(
          error(
              base + "/differentials", "at most " + MAX_DIFFERENTIALS + " differential diagnoses"));
    }
    Set<String> seen = new HashSet<>();
    if (a.diagnosis() != null && a.diagnosis().code() != null) {
      seen.add(a.diagnosis().code());
    }
    for (int i = 0; i < a.differentials().size(); i++) {
      String code = a.differentials().get(i);
      String at = base + "/differentials/" + i;
      if (code(errors, at, code, true) && !seen.add(code)) {
        errors.add(error(at, "is the diagnosis or listed twice"));
      }
    }
    text(errors, base + "/patientExplanation", a.patientExplanation(), MAX_TEXT, complete);
    text(errors, base + "/treatmentPlan", a.treatmentPlan(), MAX_TEXT, complete);
    if (a.prescriptions().size() > MAX_PRESCRIPTIONS) {
      errors.add(error(base + "/prescriptions", "at most " + MAX_PRESCRIPTIONS + " items"));
    }
    for (int i = 0; i < a.prescriptions().size(); i++) {
      prescription(errors, base + "/prescriptions/" + i, a.prescriptions().get(i), complete);
    }
    referral(errors, base + "/referral", a.referral(), complete);
    if (a.management() != null && ManagementCategory.of(a.management()).isEmpty()) {
      errors.add(
          error(
              base + "/management",
              "must be one of " + String.join(", ", ManagementCategory.CODES)));
    }
    if (a.fitzpatrickType() != null && (a.fitzpatrickType() < 1 || a.fitzpatrickType() > 6)) {
      errors.add(error(base + "/fitzpatrickType", "must be a skin type from 1 to 6"));
    }
    if (a.followUp() != null) {
      Integer days = a.followUp().inDays();
      if (days == null ? complete : days < 1 || days > 365) {
        errors.add(error(base + "/followUp/inDays", "must be a number of days from 1 to 365"));
      }
    }
    surveillance(errors, base + "/surveillance", a.surveillance(), complete);
    template(errors, base, a.templateId(), a.templateVersion());
    return errors;
  }

  /** A lesion under surveillance: photographed again after 1-24 months, told how. */
  private static void surveillance(
      List<ApiProblem.FieldError> errors,
      String at,
      AnswerContent.Surveillance s,
      boolean complete) {
    if (s == null) {
      return;
    }
    Integer months = s.inMonths();
    if (months == null ? complete : months < 1 || months > MAX_SURVEILLANCE_MONTHS) {
      errors.add(
          error(
              at + "/inMonths", "must be a number of months from 1 to " + MAX_SURVEILLANCE_MONTHS));
    }
    text(errors, at + "/instructions", s.instructions(), MAX_NOTE, complete);
  }

  /** Which template the answer started from: both parts or neither. */
  private static void template(
      List<ApiProblem.FieldError> errors, String base, String id, Integer version) {
    if (id != null && !TEMPLATE_ID.matcher(id).matches()) {
      errors.add(error(base + "/templateId", "is not a template id"));
    } else if (id == null && version != null) {
      errors.add(error(base + "/templateId", "is required with templateVersion"));
    }
    if (id != null && (version == null || version < 1)) {
      errors.add(error(base + "/templateVersion", "must be the template's version (1 or more)"));
    }
  }

  private boolean code(
      List<ApiProblem.FieldError> errors, String at, String code, boolean required) {
    if (code == null) {
      if (required) {
        errors.add(error(at, "is required"));
      }
      return false;
    }
    if (diagnoses.find(code).isEmpty()) {
      errors.add(error(at, "is not a code of the diagnosis list (searchDiagnoses)"));
      return false;
    }
    return true;
  }

  private static void prescription(
      List<ApiProblem.FieldError> errors,
      String at,
      AnswerContent.Prescription p,
      boolean complete) {
    if (p == null) {
      errors.add(error(at, "must be an object"));
      return;
    }
    label(errors, at + "/medicine", p.medicine(), 200, complete);
    label(errors, at + "/strength", p.strength(), 60, complete);
    if (p.form() == null ? complete : !FORMS.contains(p.form())) {
      errors.add(error(at + "/form", "must be one of the allowed forms"));
    }
    text(errors, at + "/directions", p.directions(), 1000, complete);
    label(errors, at + "/quantity", p.quantity(), 60, complete);
    if (p.refills() == null ? complete : p.refills() < 0 || p.refills() > 12) {
      errors.add(error(at + "/refills", "must be a number from 0 to 12"));
    }
  }

  private static void referral(
      List<ApiProblem.FieldError> errors, String at, AnswerContent.Referral r, boolean complete) {
    if (r == null) {
      return;
    }
    if (r.advised() == null) {
      if (complete) {
        errors.add(error(at + "/advised", "is required"));
      }
    } else if (r.advised()) {
      if (r.urgency() == null ? complete : !URGENCIES.contains(r.urgency())) {
        errors.add(
            error(at + "/urgency", "must be ROUTINE, SOON or URGENT when a referral is advised"));
      }
    } else if (r.urgency() != null) {
      errors.add(error(at + "/urgency", "must be absent when no referral is advised"));
    }
    text(errors, at + "/note", r.note(), MAX_NOTE, false);
  }

  private static void text(
      List<ApiProblem.FieldError> errors, String at, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(error(at, "is required"));
      }
    } else if (value.length() > max) {
      errors.add(error(at, "must be at most " + max + " characters"));
    }
  }

  /** A single-line label the patient reads on a prescription: also {@link NameText}'s rule. */
  private static void label(
      List<ApiProblem.FieldError> errors, String at, String value, int max, boolean required) {
    int before = errors.size();
    text(errors, at, value, max, required);
    if (errors.size() == before) {
      NameText.check(at, value).ifPresent(errors::add);
    }
  }

  public static ApiProblem.FieldError error(String pointer, String detail) {
    return new ApiProblem.FieldError(pointer, detail);
  }

  /** 400 naming every bad field, when there are any. */
  public static void refuseIfAny(List<ApiProblem.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Some fields are invalid: "
              + String.join(", ", errors.stream().map(ApiProblem.FieldError::pointer).toList())
              + ".",
          errors);
    }
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(409, ProblemTypes.CONFLICT, "Conflict", detail);
  }
}
