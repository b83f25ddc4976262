package com.dermrelay.letters;

import com.dermrelay.cases.AnswerContent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything one answer letter says, gathered before any PDF is drawn (so the drawing holds no data
 * access and the unit test can build one by hand).
 *
 * @param clinic the clinic's name, colour and contact lines as its configuration holds them now
 * @param caseId the case's id: the letter's reference, also the file's name (no health data)
 * @param patientName who the letter is for, as the sign-in names them
 * @param answeredOn the day the answer was written (UTC)
 * @param diagnosis the working diagnosis in plain words and its clinical name
 * @param followUpOn when follow-up photos are due, empty for none
 * @param registration the dermatologist's professional registration, empty where not given
 */
public record AnswerLetter(
    Clinic clinic,
    String caseId,
    String patientName,
    LocalDate answeredOn,
    Condition diagnosis,
    String explanation,
    String treatmentPlan,
    List<AnswerContent.Prescription> prescriptions,
    AnswerContent.Referral referral,
    Optional<LocalDate> followUpOn,
    String dermatologistName,
    Optional<String> registration) {

  public AnswerLetter {
    prescriptions = prescriptions == null ? List.of() : List.copyOf(prescriptions);
  }

  /** Whether in-person care is advised: the PDF then carries a referral letter too. */
  public boolean refers() {
    return referral != null && Boolean.TRUE.equals(referral.advised());
  }

  /**
   * @param primaryColor {@code #rrggbb}, the letterhead's band
   */
  public record Clinic(String name, String primaryColor, String contact, String legalFooter) {}

  /**
   * @param icd10 the WHO ICD-10 code, null where the list has none
   */
  public record Condition(String plainName, String clinicalName, String icd10) {}
}
