package com.dermrelay.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The structured intake questionnaire, version 2 (docs/intake.md): what a dermatologist needs to
 * judge a case from the record alone. Every field may be absent in a draft; {@code
 * intake.IntakeRules} says which a submission needs, by the kind of problem (a spot, a rash, or
 * something else). Vocabularies are strings checked by {@code intake.IntakeRules}, so a bad value
 * is named by its pointer. Where a patient honestly may not know, the answer is {@code yes}, {@code
 * no} or {@code unsure} rather than a boolean that would force a guess. Cases opened under version
 * 1 are read in this shape ({@link IntakeVersions}). Unanswered fields are left out of the JSON,
 * not written as null: the contract has them optional, and the case item is rewritten at every step
 * (its size is paid in write units each time).
 *
 * @param problem {@code spot} (a spot, mole, lump or growth), {@code rash} (a rash or an area of
 *     skin) or {@code other} (something else, or not sure): decides which questions follow
 * @param lesionCount how many spots (spot questions)
 * @param rashExtent how much of the body the rash covers (rash questions)
 * @param spotOrigin {@code new} (appeared within the last year), {@code long-standing} or {@code
 *     unsure}
 * @param diameterMm the largest spot's width in millimetres, one decimal; null when not measured
 * @param newMedicine a medicine started in the 8 weeks before the problem began
 * @param inflammation red (or darker than the skin around it), hot or swollen
 * @param feelingUnwell {@code no}, {@code a-little} or {@code very}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeAnswers(
    List<BodySite> bodySites,
    String problem,
    String onset,
    Integer durationDays,
    String lesionCount,
    String rashExtent,
    String spotOrigin,
    Symptoms symptoms,
    Changes changes,
    Double diameterMm,
    String personalSkinCancerHistory,
    String familySkinCancerHistory,
    String immunosuppressed,
    String medicines,
    String allergies,
    String treatmentsTried,
    String newMedicine,
    String pregnancy,
    Integer fitzpatrickType,
    String ownWords,
    String inflammation,
    Abcde abcde,
    Boolean rashWorseningRapidly,
    String blisters,
    String skinPeeling,
    Boolean faceOrLipSwelling,
    String fever,
    String feelingUnwell) {

  /** One place on the body map, with its side ({@code unsure} when the patient cannot say). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BodySite(String region, String laterality) {}

  /** What the patient feels or sees; each is known to them, so yes or no. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Symptoms(
      Boolean itch,
      Boolean pain,
      Boolean bleeding,
      Boolean oozingOrCrusting,
      Boolean sensationChange) {}

  /**
   * Change noticed in size, shape, colour or otherwise (raised, lumpy, firmer): yes, no or unsure.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Changes(String size, String shape, String colour, String other) {}

  /**
   * The look of a spot as the patient sees it (the A, B and C of ABCDE): one half unlike the other,
   * a ragged, notched or blurred edge, more than one colour. D comes from {@code diameterMm} and E
   * from {@code changes}. Yes, no or unsure.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Abcde(String asymmetry, String borderIrregular, String colourVariation) {}

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean asksSpotQuestions() {
    return !"rash".equals(problem);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean asksRashQuestions() {
    return !"spot".equals(problem);
  }
}
