package com.dermrelay.triage;

/**
 * The patient's answers behind the Glasgow 7-point checklist. {@code diameterMm} is null when the
 * patient could not measure the spot (the diameter criterion then scores nothing).
 */
public record SevenPointAnswers(
    boolean changeInSize,
    boolean changeInShape,
    boolean changeInColour,
    Double diameterMm,
    boolean inflammation,
    boolean oozingOrCrusting,
    boolean changeInSensation) {

  public SevenPointAnswers {
    if (diameterMm != null && (diameterMm.isNaN() || diameterMm < 0)) {
      throw new IllegalArgumentException("diameterMm must be a non-negative number");
    }
  }

  public static SevenPointAnswers none() {
    return new SevenPointAnswers(false, false, false, null, false, false, false);
  }
}
