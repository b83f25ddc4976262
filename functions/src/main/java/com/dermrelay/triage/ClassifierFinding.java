package com.dermrelay.triage;

import java.util.Objects;

/**
 * What an {@link ImageClassifier} said about a case's photos. It becomes one more triage reason;
 * {@code suspicious} can make a case more urgent, never less.
 *
 * @param model the model's name and version, shown to the dermatologist with the finding
 * @param label the model's own label, e.g. "melanocytic lesion, atypical"
 * @param confidence 0 to 1
 */
public record ClassifierFinding(String model, String label, double confidence, boolean suspicious) {
  public ClassifierFinding {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(label, "label");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1");
    }
  }
}
