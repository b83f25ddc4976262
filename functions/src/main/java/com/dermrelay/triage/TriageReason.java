package com.dermrelay.triage;

import java.util.Objects;

/**
 * One reason behind a triage result, in plain words a patient can read.
 *
 * @param code stable identifier for the portal, statistics and translations
 * @param text the reason, one short sentence
 * @param points what it adds to the triage score (0 for reasons that only inform)
 */
public record TriageReason(String code, String text, int points) {
  public TriageReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
  }
}
