package com.dermrelay.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the patient should do next, as a dermatologist decides it: the management category every
 * sent answer and every second read carries (docs/quality.md). Declared from the least to the most
 * urgent, so a second read whose category comes later than the first answer's found the first
 * answer <em>less urgent</em>: the unsafe kind of disagreement.
 *
 * <p>Biopsy sits between a routine and an urgent referral: it needs an in-person visit for tissue,
 * sooner than a routine referral, not on a suspected-cancer pathway.
 */
public enum ManagementCategory {
  REASSURE,
  TREAT,
  REFER_ROUTINE,
  BIOPSY,
  REFER_URGENT;

  /** The codes as the API writes them, least urgent first. */
  public static final List<String> CODES = Arrays.stream(values()).map(Enum::name).toList();

  public static Optional<ManagementCategory> of(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }

  /** Whether {@code this} (a first read) is less urgent than {@code other} (a second read). */
  public boolean lessUrgentThan(ManagementCategory other) {
    return compareTo(other) < 0;
  }

  /**
   * The category an answer's other fields suggest: the workbench's default until the dermatologist
   * picks one, and what answerCase stores when a body leaves it out. An advised referral is routine
   * when ROUTINE and urgent when SOON or URGENT (the safer reading); no referral with a
   * prescription is treatment; neither is reassurance. Never biopsy: that is a decision, not a
   * default.
   */
  public static ManagementCategory suggestedFor(AnswerContent answer) {
    AnswerContent.Referral referral = answer.referral();
    if (referral != null && Boolean.TRUE.equals(referral.advised())) {
      return "ROUTINE".equals(referral.urgency()) ? REFER_ROUTINE : REFER_URGENT;
    }
    return answer.prescriptions().isEmpty() ? REASSURE : TREAT;
  }
}
