package com.dermrelay.infrastructure;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.constructs.IConstruct;

/**
 * Records, on one construct, why a cdk-nag rule does not apply to it. Every call names the rule and
 * a reason a reviewer can check; there are no stack-wide or blanket suppressions.
 */
final class NagSuppression {

  private NagSuppression() {}

  /** Suppresses {@code rule} on {@code construct} and everything below it. */
  static void suppress(IConstruct construct, String rule, String reason) {
    NagSuppressions.addResourceSuppressions(
        construct, List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
  }

  /**
   * Suppresses only the findings of a granular rule that name {@code appliesTo} (e.g. {@code
   * Resource::*}).
   */
  static void suppress(IConstruct construct, String rule, List<String> appliesTo, String reason) {
    NagSuppressions.addResourceSuppressions(
        construct,
        List.of(
            NagPackSuppression.builder()
                .id(rule)
                .appliesTo(List.copyOf(appliesTo))
                .reason(reason)
                .build()),
        true);
  }

  /**
   * Like {@link #suppress(IConstruct, String, List, String)} for findings whose text holds a
   * generated logical id: each pattern is a JavaScript regular expression matched against the whole
   * finding.
   */
  static void suppressMatching(
      IConstruct construct, String rule, List<String> patterns, String reason) {
    List<Object> appliesTo =
        patterns.stream()
            .map(pattern -> (Object) RegexAppliesTo.builder().regex("/^" + pattern + "$/g").build())
            .toList();
    NagSuppressions.addResourceSuppressions(
        construct,
        List.of(NagPackSuppression.builder().id(rule).appliesTo(appliesTo).reason(reason).build()),
        true);
  }
}
