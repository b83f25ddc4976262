package com.dermrelay.intake;

import java.util.List;

/**
 * The structured intake questionnaire: what a dermatologist needs to judge a case from the record
 * alone. Every field may be absent in a draft; {@link IntakeRules} says which a submission needs.
 * Vocabularies are strings checked by {@link IntakeRules}, so a bad value is named by its pointer.
 */
public record IntakeAnswers(
    List<BodySite> bodySites,
    String onset,
    Integer durationDays,
    String lesionCount,
    Symptoms symptoms,
    Changes changes,
    Integer diameterMm,
    Boolean personalSkinCancerHistory,
    Boolean familySkinCancerHistory,
    Boolean immunosuppressed,
    String medicines,
    String allergies,
    String treatmentsTried,
    String pregnancy,
    Integer fitzpatrickType,
    String ownWords,
    Boolean inflammation,
    Abcde abcde,
    Boolean rashWorseningRapidly) {

  /** The answers without the optional triage questions added later (inflammation, ABCDE, a worsening rash). */
  public IntakeAnswers(List<BodySite> bodySites, String onset, Integer durationDays, String lesionCount,
      Symptoms symptoms, Changes changes, Integer diameterMm, Boolean personalSkinCancerHistory,
      Boolean familySkinCancerHistory, Boolean immunosuppressed, String medicines, String allergies,
      String treatmentsTried, String pregnancy, Integer fitzpatrickType, String ownWords) {
    this(bodySites, onset, durationDays, lesionCount, symptoms, changes, diameterMm,
        personalSkinCancerHistory, familySkinCancerHistory, immunosuppressed, medicines, allergies,
        treatmentsTried, pregnancy, fitzpatrickType, ownWords, null, null, null);
  }

  /** One place on the body map, with its side. */
  public record BodySite(String region, String laterality) {}

  public record Symptoms(
      Boolean itch, Boolean pain, Boolean bleeding, Boolean oozingOrCrusting, Boolean sensationChange) {}

  /** Change noticed in size, shape or colour. */
  public record Changes(Boolean size, Boolean shape, Boolean colour) {}

  /**
   * The ABCDE signs of a mole as the patient sees them (optional; the diameter sign comes from
   * {@code diameterMm}): one half unlike the other, a ragged or blurred edge, several colours, and
   * change over time.
   */
  public record Abcde(Boolean asymmetry, Boolean borderIrregular, Boolean colourVariation, Boolean evolving) {}
}
