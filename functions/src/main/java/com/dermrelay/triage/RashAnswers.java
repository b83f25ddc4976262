package com.dermrelay.triage;

/**
 * The facts about a rash (or an area of skin) that the red flags and the rash rules read. An answer
 * of "unsure" arrives as false; {@code extent} is null when not answered.
 *
 * @param inflamed red (or darker than the skin around it), hot or swollen
 * @param painful the patient reports pain
 * @param skinPeeling skin peeling off in sheets
 * @param newMedicine a medicine started in the 8 weeks before the rash began
 */
public record RashAnswers(
    Extent extent,
    boolean worseningRapidly,
    boolean inflamed,
    boolean painful,
    boolean blisters,
    boolean skinPeeling,
    boolean faceOrLipSwelling,
    boolean fever,
    Unwell unwell,
    boolean newMedicine) {

  /** How much of the body the rash covers. */
  public enum Extent {
    ONE_AREA,
    SEVERAL_AREAS,
    WIDESPREAD
  }

  /** How the patient feels in themselves. */
  public enum Unwell {
    NO,
    A_LITTLE,
    VERY
  }

  public RashAnswers {
    unwell = unwell == null ? Unwell.NO : unwell;
  }

  public static RashAnswers none() {
    return new RashAnswers(null, false, false, false, false, false, false, false, Unwell.NO, false);
  }

  /** A fever, or feeling very unwell: the body is reacting, not only the skin. */
  public boolean systemicallyUnwell() {
    return fever || unwell == Unwell.VERY;
  }
}
