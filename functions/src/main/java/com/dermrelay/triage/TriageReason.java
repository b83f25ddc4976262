package com.dermrelay.triage;

import java.util.Objects;

/**
 * One reason behind a triage result, in plain words a patient can read.
 *
 * @param code stable identifier for the portal, statistics and translations
 * @param text the reason, one short sentence
 * @param points what it adds to the triage score (0 for reasons that only inform, or whose fact
 *     another reason already counted)
 * @param decisive part of what decided the priority: the deciding rule and the facts it counted
 */
public record TriageReason(String code, String text, int points, boolean decisive) {
  public TriageReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
  }

  public TriageReason(String code, String text, int points) {
    this(code, text, points, false);
  }

  TriageReason asDecisive() {
    return decisive ? this : new TriageReason(code, text, points, true);
  }
}
