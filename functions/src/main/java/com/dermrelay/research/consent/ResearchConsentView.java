package com.dermrelay.research.consent;

/**
 * The research consent as its patient sees it (getMyResearchConsent and the changes).
 *
 * @param status {@code NOT_GIVEN} (never asked for or never given), {@code GIVEN} or {@code
 *     WITHDRAWN}
 * @param offered what the clinic asks for now; absent when it offers no research consent
 */
public record ResearchConsentView(
    String status,
    String consentVersion,
    String givenAt,
    String withdrawnAt,
    OfferedResearchConsent.Text offered) {
  public static final String NOT_GIVEN = "NOT_GIVEN";

  static ResearchConsentView of(ResearchConsent consent, OfferedResearchConsent.Text offered) {
    if (consent == null) {
      return new ResearchConsentView(NOT_GIVEN, null, null, null, offered);
    }
    return new ResearchConsentView(
        consent.status(),
        consent.consentVersion(),
        consent.givenAt(),
        consent.withdrawnAt(),
        offered);
  }
}
