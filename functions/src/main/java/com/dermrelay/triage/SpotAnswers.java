package com.dermrelay.triage;

/**
 * The facts about a spot (mole, lump, growth) that the spot rules read, each once: the 7-point
 * checklist and ABCDE are two views of these facts (docs/triage.md). "Irregular shape" of the
 * weighted 7-point checklist is {@code asymmetry} or {@code borderIrregular}; "irregular colour" is
 * {@code colourVariation}; ABCDE's E is any change. An answer of "unsure" arrives as false: triage
 * never guesses, the dermatologist sees the answer.
 *
 * @param newSpot the spot appeared within the last year
 * @param otherChange changed in another way (raised, lumpy, firmer)
 * @param diameterMm the largest width measured, null if not measured (then no size sign scores)
 */
public record SpotAnswers(
    boolean newSpot,
    boolean changeInSize,
    boolean changeInShape,
    boolean changeInColour,
    boolean otherChange,
    boolean asymmetry,
    boolean borderIrregular,
    boolean colourVariation,
    Double diameterMm,
    boolean inflammation,
    boolean oozingOrCrusting,
    boolean changeInSensation) {

  public SpotAnswers {
    if (diameterMm != null && (diameterMm.isNaN() || diameterMm < 0)) {
      throw new IllegalArgumentException("diameterMm must be a non-negative number");
    }
  }

  public static SpotAnswers none() {
    return new SpotAnswers(
        false, false, false, false, false, false, false, false, null, false, false, false);
  }

  /** ABCDE's E: any change the patient noticed. */
  public boolean evolving() {
    return changeInSize || changeInShape || changeInColour || otherChange;
  }
}
