package com.dermrelay.triage;

import java.util.List;
import java.util.Optional;

/**
 * The port a clinic's image-analysis model plugs into (see docs/triage.md). DermRelay ships no
 * implementation: triage is rule-based until a clinic brings a model it has validated and is
 * allowed to use. The triage use case calls it, if one is configured, before {@link TriageRules}
 * and passes the finding in {@link TriageInput#classifierFinding()}.
 */
public interface ImageClassifier {
  /**
   * Classifies the checked photos of one case.
   *
   * @param tenantId the clinic, so a model licensed to one clinic serves only that clinic
   * @param photoObjectKeys S3 keys of the photos that passed the checks (EXIF/GPS already removed)
   * @return empty when the model has nothing to say (e.g. no photo it can read); a failure should
   *     be thrown, and the caller triages without the finding rather than waiting
   */
  Optional<ClassifierFinding> classify(String tenantId, List<String> photoObjectKeys);
}
