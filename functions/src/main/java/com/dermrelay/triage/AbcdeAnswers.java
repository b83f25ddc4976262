package com.dermrelay.triage;

/** The patient's answers to the ABCDE melanoma warning signs. */
public record AbcdeAnswers(
    boolean asymmetry,
    boolean borderIrregular,
    boolean colourVariation,
    boolean diameterOver6mm,
    boolean evolving) {

  public static AbcdeAnswers none() {
    return new AbcdeAnswers(false, false, false, false, false);
  }
}
