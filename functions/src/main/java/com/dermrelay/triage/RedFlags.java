package com.dermrelay.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * Intake answers that describe an emergency, the same four signs the emergency screen asks about
 * before a case is opened (docs/triage.md, "Red flags"). A patient may answer "no" there and then
 * describe one of them in the rash questions; submission re-screens with these rules, and triage
 * makes any case that still carries one URGENT. Only rash answers can raise them.
 */
public final class RedFlags {
  public static final String FEVER_WIDESPREAD_RASH = "RED_FLAG_FEVER_WIDESPREAD_RASH";
  public static final String BLISTERING_OR_PEELING = "RED_FLAG_BLISTERING_OR_PEELING";
  public static final String SPREADING_PAINFUL_REDNESS = "RED_FLAG_SPREADING_PAINFUL_REDNESS";
  public static final String FACE_OR_LIP_SWELLING = "RED_FLAG_FACE_OR_LIP_SWELLING";

  /** What each red flag adds to the score: above any other single rule, so they lead the queue. */
  static final int POINTS = 3;

  private RedFlags() {}

  /** The red flags the answers raise, in this order; empty for most cases. */
  public static List<TriageReason> of(TriageInput input) {
    List<TriageReason> flags = new ArrayList<>();
    if (!input.problem().rashRulesApply()) {
      return flags;
    }
    RashAnswers r = input.rash();
    if (r.extent() == RashAnswers.Extent.WIDESPREAD && r.systemicallyUnwell()) {
      flags.add(
          new TriageReason(
              FEVER_WIDESPREAD_RASH,
              "A rash over much of the body with a fever or feeling"
                  + " very unwell: an emergency sign.",
              POINTS));
    }
    boolean spreadBlisters =
        r.blisters()
            && (r.extent() == RashAnswers.Extent.SEVERAL_AREAS
                || r.extent() == RashAnswers.Extent.WIDESPREAD
                || r.systemicallyUnwell());
    if (r.skinPeeling() || spreadBlisters) {
      flags.add(
          new TriageReason(
              BLISTERING_OR_PEELING,
              "Skin peeling off, or blisters in several areas or with"
                  + " a fever: an emergency sign.",
              POINTS));
    }
    if (r.worseningRapidly() && r.painful() && r.inflamed()) {
      flags.add(
          new TriageReason(
              SPREADING_PAINFUL_REDNESS,
              "Red or swollen, painful skin that is spreading quickly: an emergency sign.",
              POINTS));
    }
    if (r.faceOrLipSwelling()) {
      flags.add(
          new TriageReason(
              FACE_OR_LIP_SWELLING,
              "Swelling of the face, lips, tongue or eyelids: an emergency sign.",
              POINTS));
    }
    return flags;
  }
}
