package com.dermrelay.quality;

import com.dermrelay.core.tenancy.TenantConfigValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an answered case gets a second read, and why: the clinic's always-rules first, then its
 * sampling rate (tenant.schema.json {@code secondReads}; docs/quality.md). Pure: the random draw is
 * an input. The caller draws it once per case with a SecureRandom and keeps it with the decision (a
 * put-if-absent), so a retried step decides the same way and a reader cannot work out from a case
 * id which of their cases will be read again, as they could from a hash of it.
 */
public final class SecondReadSampling {
  /** A reader's answers at the clinic below which every answer is read twice (the rule's 50). */
  public static final int READER_FIRST_CASES = 50;

  /** From which 7-point checklist score the rule applies (the rule's 3). */
  public static final int SEVEN_POINT_SCORE = 3;

  /** Why a case is read twice; the code of a rule is its tenant.schema.json value. */
  public enum Reason {
    FITZPATRICK_V_VI("fitzpatrick-v-vi"),
    SEVEN_POINT_3_OR_MORE("seven-point-3-or-more"),
    READER_FIRST_50_CASES("reader-first-50-cases"),
    SAMPLED(null);

    private final String rule;

    Reason(String rule) {
      this.rule = rule;
    }

    /** The always-rule's code, empty for the random sample. */
    public Optional<String> rule() {
      return Optional.ofNullable(rule);
    }
  }

  /**
   * A clinic's second-read policy.
   *
   * @param samplePercent 0-100
   * @param always the always-rules' codes
   */
  public record Policy(int samplePercent, Set<String> always) {
    public static final Policy NONE = new Policy(0, Set.of());

    public Policy {
      if (samplePercent < 0 || samplePercent > 100) {
        throw new IllegalArgumentException("a sample is 0-100 percent");
      }
      if (!TenantConfigValidator.SECOND_READ_RULES.containsAll(always)) {
        throw new IllegalArgumentException("not a second-read rule");
      }
      always = Set.copyOf(always);
    }

    /** The policy of a configuration valid against tenant.schema.json; none when it sets none. */
    public static Policy of(JsonNode config) {
      JsonNode secondReads = config == null ? null : config.get("secondReads");
      if (secondReads == null || !secondReads.isObject()) {
        return NONE;
      }
      Set<String> always = new LinkedHashSet<>();
      secondReads.path("always").forEach(rule -> always.add(rule.asText()));
      return new Policy(secondReads.path("samplePercent").asInt(0), always);
    }

    boolean has(Reason reason) {
      return reason.rule().map(always::contains).orElse(false);
    }
  }

  /**
   * What the decision needs of the case, its answer and its reader.
   *
   * @param fitzpatrickType 1-6 as the patient gave it or the first reader recorded it; null when
   *     neither did
   * @param sevenPointScore the triage's 7-point checklist score; null when the checklist was not
   *     scored (a rash)
   * @param readerAnswersBefore the first reader's answers at the clinic before this one
   * @param draw a uniform random number in [0, 1), fixed for the case
   */
  public record Facts(
      Integer fitzpatrickType, Integer sevenPointScore, long readerAnswersBefore, double draw) {
    public Facts {
      if (!(draw >= 0 && draw < 1)) {
        throw new IllegalArgumentException("a draw is in [0, 1)");
      }
    }
  }

  private SecondReadSampling() {}

  /** Every reason to read the case twice, in {@link Reason} order; empty when it is not. */
  public static List<Reason> reasons(Policy policy, Facts facts) {
    List<Reason> reasons = new ArrayList<>();
    for (Reason reason : Arrays.asList(Reason.values())) {
      if (applies(reason, policy, facts)) {
        reasons.add(reason);
      }
    }
    return List.copyOf(reasons);
  }

  private static boolean applies(Reason reason, Policy policy, Facts facts) {
    return switch (reason) {
      case FITZPATRICK_V_VI ->
          policy.has(reason) && facts.fitzpatrickType() != null && facts.fitzpatrickType() >= 5;
      case SEVEN_POINT_3_OR_MORE ->
          policy.has(reason)
              && facts.sevenPointScore() != null
              && facts.sevenPointScore() >= SEVEN_POINT_SCORE;
      case READER_FIRST_50_CASES ->
          policy.has(reason) && facts.readerAnswersBefore() < READER_FIRST_CASES;
      // draw < rate: exactly the rate's share of a uniform draw; 0% never, 100% always.
      case SAMPLED -> facts.draw() * 100 < policy.samplePercent();
    };
  }
}
