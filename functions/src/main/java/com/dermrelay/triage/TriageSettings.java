package com.dermrelay.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * A clinic's triage settings ({@code triage} in its configuration), null where it keeps the
 * built-in value. A clinic may make triage more cautious, never less: a setting that would flag
 * fewer cases is ignored in favour of the built-in value (see docs/triage.md).
 *
 * @param sevenPointUrgentScore 7-point checklist score from which a case is URGENT; built in 3, so
 *     only 1 or 2 take effect
 * @param urgentAgeYears age from which a patient with a changing or suspicious spot is seen one
 *     step sooner; built in 50, so only younger ages take effect
 */
public record TriageSettings(Integer sevenPointUrgentScore, Integer urgentAgeYears) {
  public static final int BUILT_IN_SEVEN_POINT_URGENT_SCORE = 3;
  public static final int BUILT_IN_URGENT_AGE_YEARS = 50;

  public TriageSettings {
    if (sevenPointUrgentScore != null && sevenPointUrgentScore < 1) {
      throw new IllegalArgumentException("sevenPointUrgentScore must be at least 1");
    }
    if (urgentAgeYears != null && urgentAgeYears < 0) {
      throw new IllegalArgumentException("urgentAgeYears must not be negative");
    }
  }

  public static TriageSettings builtIn() {
    return new TriageSettings(null, null);
  }

  /** The score in force: the clinic's if it escalates more cases than the built-in one. */
  public int effectiveSevenPointUrgentScore() {
    return sevenPointUrgentScore == null
        ? BUILT_IN_SEVEN_POINT_URGENT_SCORE
        : Math.min(sevenPointUrgentScore, BUILT_IN_SEVEN_POINT_URGENT_SCORE);
  }

  /** The age in force: the clinic's if it escalates more patients than the built-in one. */
  public int effectiveUrgentAgeYears() {
    return urgentAgeYears == null
        ? BUILT_IN_URGENT_AGE_YEARS
        : Math.min(urgentAgeYears, BUILT_IN_URGENT_AGE_YEARS);
  }

  /**
   * The settings ignored because they would make triage less cautious, for the clinic console to
   * show.
   */
  public List<String> ignoredAsLessCautious() {
    List<String> ignored = new ArrayList<>();
    if (sevenPointUrgentScore != null
        && sevenPointUrgentScore > BUILT_IN_SEVEN_POINT_URGENT_SCORE) {
      ignored.add("sevenPointUrgentScore");
    }
    if (urgentAgeYears != null && urgentAgeYears > BUILT_IN_URGENT_AGE_YEARS) {
      ignored.add("urgentAgeYears");
    }
    return List.copyOf(ignored);
  }
}
