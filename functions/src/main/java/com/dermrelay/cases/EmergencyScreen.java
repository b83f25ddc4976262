package com.dermrelay.cases;

/**
 * The four questions that stop a case before it is accepted for asynchronous care: each "yes" needs
 * an emergency department now, not a reply within days.
 */
public record EmergencyScreen(
    Boolean feverWithWidespreadRash,
    Boolean blisteringOrPeelingSkin,
    Boolean rapidlySpreadingPainfulRedness,
    Boolean faceOrLipSwellingOrBreathingTrouble) {

  public boolean anyYes() {
    return Boolean.TRUE.equals(feverWithWidespreadRash)
        || Boolean.TRUE.equals(blisteringOrPeelingSkin)
        || Boolean.TRUE.equals(rapidlySpreadingPainfulRedness)
        || Boolean.TRUE.equals(faceOrLipSwellingOrBreathingTrouble);
  }
}
