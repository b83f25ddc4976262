package com.dermrelay.intake;

import com.dermrelay.cases.EmergencyScreen;
import com.dermrelay.cases.IntakeAnswers;

/** The bodies of createCase and updateCase. */
public final class CaseRequests {
  private CaseRequests() {}

  /**
   * A new draft: the emergency screen (every question answered), and optionally answers and
   * consent.
   */
  public record Create(
      EmergencyScreen emergencyScreen, IntakeAnswers intake, String consentVersion) {}

  /** Replaces the intake and/or accepts the consent, on the version read. */
  public record Update(Long version, IntakeAnswers intake, String consentVersion) {}
}
