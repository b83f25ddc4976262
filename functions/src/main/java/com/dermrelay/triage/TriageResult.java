package com.dermrelay.triage;

import java.util.List;

/**
 * The outcome of triage.
 *
 * @param priority how soon the case must be reviewed
 * @param score the sum of the reasons' points, each fact counted once; orders cases of the same
 *     priority, most concerning first; it does not decide the priority
 * @param sevenPointScore the weighted 7-point checklist score alone (0 to 10; 0 for a rash)
 * @param abcdeCount how many of the five ABCDE signs (0 to 5; 0 for a rash)
 * @param decision the rule, and the checklist score if one, that decided the priority
 * @param reasons why, the deciding ones first; never empty
 */
public record TriageResult(
    Priority priority,
    int score,
    int sevenPointScore,
    int abcdeCount,
    TriageDecision decision,
    List<TriageReason> reasons) {
  public TriageResult {
    reasons = List.copyOf(reasons);
  }
}
