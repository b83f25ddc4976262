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
    String ownWords) {

  /** One place on the body map, with its side. */
  public record BodySite(String region, String laterality) {}

  public record Symptoms(
      Boolean itch, Boolean pain, Boolean bleeding, Boolean oozingOrCrusting, Boolean sensationChange) {}

  /** Change noticed in size, shape or colour. */
  public record Changes(Boolean size, Boolean shape, Boolean colour) {}
}
