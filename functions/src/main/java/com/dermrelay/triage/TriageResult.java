package com.dermrelay.triage;

import java.util.List;

/**
 * The outcome of triage.
 *
 * @param priority how soon the case must be reviewed
 * @param score the sum of the reasons' points; orders cases of the same priority, most concerning first
 * @param sevenPointScore the Glasgow 7-point checklist score alone (0 to 10)
 * @param reasons why, the ones that decided the priority first; never empty
 */
public record TriageResult(Priority priority, int score, int sevenPointScore, List<TriageReason> reasons) {
  public TriageResult {
    reasons = List.copyOf(reasons);
  }
}
