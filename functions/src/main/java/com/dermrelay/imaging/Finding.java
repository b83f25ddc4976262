package com.dermrelay.imaging;

/**
 * One thing a check found. {@code measurement} is the score behind it (its unit depends on the
 * check, see {@link QualityScores}), or null when there is none, as for a file that is not a photo.
 */
public record Finding(FindingCode code, Double measurement) {

  static Finding of(FindingCode code) {
    return new Finding(code, null);
  }

  static Finding of(FindingCode code, double measurement) {
    return new Finding(code, measurement);
  }

  public Verdict verdict() {
    return code.verdict();
  }

  public String advice() {
    return code.advice();
  }
}
