package com.dermrelay.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules for a spot: the weighted 7-point checklist of NICE NG12, the ABCDE signs, and a new
 * spot (docs/triage.md has each rule's source). Both checklists read the same {@link SpotAnswers}:
 * each checklist's own score counts a fact once, and a fact both checklists see adds its points to
 * the triage score once (in the 7-point checklist).
 */
final class SpotRules {
  static final int ABCDE_URGENT_COUNT = 3;
  static final int ABCDE_SOON_COUNT = 2;

  /** NHS Scotland's referral guidance names a new mole at 40 or over (docs/triage.md). */
  static final int NEW_SPOT_AGE = 40;

  /**
   * "Growing for more than a month" (EFG): a new spot growing this long suggests nodular melanoma.
   */
  static final int GROWING_DAYS = 30;

  private static final String ALREADY_COUNTED = " (counted once, in the 7-point checklist)";

  private SpotRules() {}

  /** The scores of the two checklists. */
  record Scores(int sevenPoint, int abcde) {}

  static Scores apply(
      SpotAnswers s,
      Integer age,
      Integer durationDays,
      TriageSettings settings,
      Findings findings) {
    int sevenPoint = sevenPoint(s, settings, findings);
    int abcde = abcde(s, findings);
    if (s.newSpot() && s.changeInSize() && durationDays != null && durationDays >= GROWING_DAYS) {
      findings.add(
          Priority.URGENT,
          null,
          "NEW_GROWING_SPOT",
          "A new spot that has kept growing for a month or"
              + " more should be checked urgently (a nodular melanoma grows this way).",
          0);
    }
    if (s.newSpot() && age != null && age >= NEW_SPOT_AGE) {
      findings.add(
          Priority.SOON,
          null,
          "NEW_SPOT_FROM_40",
          "A new spot that appeared at age " + NEW_SPOT_AGE + " or over should be checked.",
          1);
    }
    return new Scores(sevenPoint, abcde);
  }

  /**
   * NICE NG12's weighted 7-point checklist: change in size, irregular shape and irregular colour 2
   * points each; largest diameter 7 mm or more, inflammation, oozing and change in sensation 1
   * each.
   */
  private static int sevenPoint(SpotAnswers s, TriageSettings settings, Findings findings) {
    List<String[]> items = new ArrayList<>();
    if (s.changeInSize()) {
      items.add(item("SEVEN_POINT_SIZE", "The spot has grown", 2));
    }
    if (s.asymmetry() || s.borderIrregular()) {
      items.add(
          item(
              "SEVEN_POINT_SHAPE",
              "The spot has an irregular shape (uneven halves or a ragged edge)",
              2));
    }
    if (s.colourVariation()) {
      items.add(
          item(
              "SEVEN_POINT_COLOUR",
              "The spot has an irregular colour (several colours or shades)",
              2));
    }
    if (s.diameterMm() != null && s.diameterMm() >= 7) {
      items.add(item("SEVEN_POINT_DIAMETER", "The spot is 7 mm across or larger", 1));
    }
    if (s.inflammation()) {
      items.add(item("SEVEN_POINT_INFLAMMATION", "The spot is inflamed (red, hot or swollen)", 1));
    }
    if (s.oozingOrCrusting()) {
      items.add(item("SEVEN_POINT_OOZING_CRUSTING", "The spot oozes or crusts", 1));
    }
    if (s.changeInSensation()) {
      items.add(
          item(
              "SEVEN_POINT_SENSATION",
              "The spot feels different (itchy, tingling, tender or numb)",
              1));
    }
    int score = items.stream().mapToInt(i -> Integer.parseInt(i[2])).sum();
    int urgentFrom = settings.effectiveSevenPointUrgentScore();
    if (score >= urgentFrom) {
      String whose =
          urgentFrom == TriageSettings.BUILT_IN_SEVEN_POINT_URGENT_SCORE
              ? ""
              : ", this clinic's setting";
      findings.add(
          Priority.URGENT,
          Findings.SEVEN_POINT,
          "SEVEN_POINT_URGENT",
          "7-point checklist score "
              + score
              + " ("
              + urgentFrom
              + " or more"
              + whose
              + "): the spot should be checked urgently for skin cancer.",
          0);
    }
    items.forEach(i -> findings.fact(Findings.SEVEN_POINT, i[0], i[1], Integer.parseInt(i[2])));
    return score;
  }

  private static String[] item(String code, String text, int points) {
    return new String[] {
      code,
      text + " (7-point checklist: " + points + (points == 1 ? " point)." : " points)."),
      Integer.toString(points)
    };
  }

  /**
   * ABCDE melanoma warning signs: three or more together are urgent, two or a changing spot soon.
   * A, B and C are the 7-point checklist's irregular shape and colour, D at 7 mm or more its
   * diameter, and E from a change in size alone its change in size: those add no points again.
   */
  private static int abcde(SpotAnswers s, Findings findings) {
    List<String[]> items = new ArrayList<>();
    if (s.asymmetry()) {
      items.add(
          new String[] {
            "ABCDE_ASYMMETRY",
            "A: the two halves of the spot do not match" + ALREADY_COUNTED + ".",
            "0"
          });
    }
    if (s.borderIrregular()) {
      items.add(
          new String[] {
            "ABCDE_BORDER",
            "B: the edge of the spot is ragged, notched or blurred" + ALREADY_COUNTED + ".",
            "0"
          });
    }
    if (s.colourVariation()) {
      items.add(
          new String[] {
            "ABCDE_COLOUR", "C: the spot has several colours" + ALREADY_COUNTED + ".", "0"
          });
    }
    Double measured = s.diameterMm();
    if (measured != null && measured > 6) {
      boolean counted = measured >= 7;
      items.add(
          new String[] {
            "ABCDE_DIAMETER",
            "D: the spot is wider than 6 mm" + (counted ? ALREADY_COUNTED : "") + ".",
            counted ? "0" : "1"
          });
    }
    if (s.evolving()) {
      boolean onlySize = !s.changeInShape() && !s.changeInColour() && !s.otherChange();
      items.add(
          new String[] {
            "ABCDE_EVOLVING",
            "E: the spot is changing" + (onlySize ? ALREADY_COUNTED : "") + ".",
            onlySize ? "0" : "1"
          });
    }
    int count = items.size();
    if (count >= ABCDE_URGENT_COUNT) {
      findings.add(
          Priority.URGENT,
          Findings.ABCDE,
          "ABCDE_SEVERAL",
          count
              + " of the 5 melanoma warning signs (ABCDE) together: the spot should be checked urgently.",
          0);
    } else if (count == ABCDE_SOON_COUNT) {
      findings.add(
          Priority.SOON,
          Findings.ABCDE,
          "ABCDE_TWO",
          "2 of the 5 melanoma warning signs (ABCDE).",
          0);
    } else if (s.evolving()) {
      findings.add(
          Priority.SOON,
          Findings.ABCDE,
          "ABCDE_CHANGING",
          "A changing spot is the most telling melanoma warning sign.",
          0);
    }
    items.forEach(i -> findings.fact(Findings.ABCDE, i[0], i[1], Integer.parseInt(i[2])));
    return count;
  }
}
