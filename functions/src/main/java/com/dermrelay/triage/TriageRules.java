package com.dermrelay.triage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.Set;
import javax.inject.Inject;

/**
 * Rule-based, explainable triage: every rule that fires adds a reason in plain words, and the
 * priority is the most urgent any rule asks for. The rules and their sources are in docs/triage.md;
 * they only ever escalate, and the same input gives the same result. The result names what decided
 * the priority (the rule, and the checklist score when one decided) and marks the reasons that made
 * it up.
 */
public final class TriageRules {
  private final Clock clock;

  @Inject
  public TriageRules(Clock clock) {
    this.clock = clock;
  }

  public TriageResult triage(TriageInput input, TriageSettings settings) {
    Findings findings = new Findings();
    Integer age = ageYears(input.dateOfBirth());
    ProblemKind problem = input.problem();
    SpotRules.Scores scores = new SpotRules.Scores(0, 0);
    boolean bleeding = problem.spotRulesApply() && input.bleeding();
    if (problem.rashRulesApply()) {
      RashRules.apply(input, findings);
    }
    if (problem.spotRulesApply()) {
      scores = SpotRules.apply(input.spot(), age, input.durationDays(), settings, findings);
    }
    if (bleeding) {
      findings.add(Priority.SOON, null, "BLEEDING", "The spot bleeds without being injured.", 2);
    }
    if (input.immunosuppressed()) {
      findings.add(
          Priority.SOON,
          null,
          "IMMUNOSUPPRESSED",
          "A weakened immune system (from an illness or medicines) raises the risk of skin cancer and infection.",
          1);
    }
    boolean warningSigns = scores.sevenPoint() > 0 || scores.abcde() > 0 || bleeding;
    Priority priority = findings.mostUrgent();
    Findings.Entry deciding = findings.firstAsking(priority);
    Set<String> decisiveGroups = new HashSet<>();
    if (deciding != null) {
      decisiveGroups.add(deciding.group());
    }
    if (warningSigns && riskFactors(input, age, settings, findings)) {
      Priority raised = priority.raisedOneStep();
      if (raised != priority) {
        TriageReason reason =
            findings.add(
                null,
                null,
                "HIGHER_RISK_RAISED",
                "Warning signs in someone at higher risk of skin cancer: seen one step sooner.",
                0);
        if (deciding == null) {
          // A ROUTINE case raised: the warning signs below every threshold are what it stands on.
          decisiveGroups.addAll(warningGroups(scores, bleeding));
        }
        deciding = findings.entry(reason);
        decisiveGroups.add(Findings.RISK);
        priority = raised;
      }
    }
    input.classifierFinding().ifPresent(finding -> classifier(finding, findings));
    if (findings.mostUrgent().compareTo(priority) < 0) {
      priority = findings.mostUrgent(); // only the classifier can still ask for more
      deciding = findings.firstAsking(priority);
      decisiveGroups = Set.of(deciding.group());
    }
    int score = findings.score();
    TriageReason decidingReason = deciding == null ? null : deciding.reason();
    if (score == 0) {
      TriageReason none = findings.addFirst("NO_WARNING_SIGNS", "No warning signs in the answers.");
      decidingReason = decidingReason == null ? none : decidingReason;
    }
    photoChecks(input.photoChecks(), findings);
    TriageDecision decision = decision(decidingReason, score, scores, problem, settings);
    return new TriageResult(
        priority,
        score,
        scores.sevenPoint(),
        scores.abcde(),
        decision,
        findings.reasons(decidingReason, decisiveGroups));
  }

  /** The rule that decided, with the checklist's score when a checklist did. */
  private static TriageDecision decision(
      TriageReason deciding,
      int score,
      SpotRules.Scores scores,
      ProblemKind problem,
      TriageSettings settings) {
    int urgentFrom = settings.effectiveSevenPointUrgentScore();
    if (deciding == null || deciding.code().equals("NO_WARNING_SIGNS")) {
      // ROUTINE: nothing asked for more. With points, the 7-point score stayed below its threshold.
      return score == 0
          ? TriageDecision.rule("NO_WARNING_SIGNS")
          : problem.spotRulesApply()
              ? new TriageDecision(
                  "BELOW_THRESHOLDS", TriageDecision.SEVEN_POINT, scores.sevenPoint(), urgentFrom)
              : TriageDecision.rule("BELOW_THRESHOLDS");
    }
    return switch (deciding.code()) {
      case "SEVEN_POINT_URGENT" ->
          new TriageDecision(
              deciding.code(), TriageDecision.SEVEN_POINT, scores.sevenPoint(), urgentFrom);
      case "ABCDE_SEVERAL" ->
          new TriageDecision(
              deciding.code(), TriageDecision.ABCDE, scores.abcde(), SpotRules.ABCDE_URGENT_COUNT);
      case "ABCDE_TWO" ->
          new TriageDecision(
              deciding.code(), TriageDecision.ABCDE, scores.abcde(), SpotRules.ABCDE_SOON_COUNT);
      default -> TriageDecision.rule(deciding.code());
    };
  }

  private static Set<String> warningGroups(SpotRules.Scores scores, boolean bleeding) {
    Set<String> groups = new HashSet<>();
    if (scores.sevenPoint() > 0) {
      groups.add(Findings.SEVEN_POINT);
    }
    if (scores.abcde() > 0) {
      groups.add(Findings.ABCDE);
    }
    if (bleeding) {
      groups.add("BLEEDING");
    }
    return groups;
  }

  /** Adds a reason per risk factor; true if there is any. */
  private static boolean riskFactors(
      TriageInput input, Integer age, TriageSettings settings, Findings findings) {
    boolean any = input.immunosuppressed();
    int urgentAge = settings.effectiveUrgentAgeYears();
    if (age != null && age >= urgentAge) {
      findings.fact(
          Findings.RISK,
          "AGE",
          "Aged " + urgentAge + " or over, when skin cancer becomes more common.",
          1);
      any = true;
    }
    if (input.personalHistoryOfSkinCancer()) {
      findings.fact(Findings.RISK, "PERSONAL_HISTORY", "Has had skin cancer before.", 1);
      any = true;
    }
    if (input.familyHistoryOfSkinCancer()) {
      findings.fact(Findings.RISK, "FAMILY_HISTORY", "A close relative has had skin cancer.", 1);
      any = true;
    }
    return any;
  }

  private Integer ageYears(LocalDate dateOfBirth) {
    if (dateOfBirth == null) {
      return null;
    }
    return Period.between(dateOfBirth, LocalDate.now(clock)).getYears();
  }

  private static void classifier(ClassifierFinding finding, Findings findings) {
    String percent = Math.round(finding.confidence() * 100) + "%";
    if (finding.suspicious()) {
      findings.add(
          Priority.SOON,
          null,
          "CLASSIFIER_FLAGGED",
          "Image analysis ("
              + finding.model()
              + ") flagged the photos as possibly concerning: "
              + finding.label()
              + ", "
              + percent
              + " confidence.",
          1);
    } else {
      findings.fact(
          null,
          "CLASSIFIER_NOT_FLAGGED",
          "Image analysis ("
              + finding.model()
              + ") did not flag the photos; this does not rule anything out.",
          0);
    }
  }

  private static void photoChecks(PhotoCheckOutcome outcome, Findings findings) {
    switch (outcome) {
      case SOME_FAILED ->
          findings.fact(
              null,
              "PHOTOS_UNCLEAR",
              "Some photos are too unclear to rely on; new photos may be needed.",
              0);
      case NOT_COMPLETED ->
          findings.fact(
              null,
              "PHOTOS_NOT_CHECKED",
              "The photo checks had not finished; the photos may need a closer look.",
              0);
      case ALL_PASSED -> {}
    }
  }
}
