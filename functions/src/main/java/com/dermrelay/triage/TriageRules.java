package com.dermrelay.triage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Rule-based, explainable triage: every rule that fires adds a reason in plain words, and the
 * priority is the most urgent any rule asks for. The rules and their sources are in
 * docs/triage.md; they only ever escalate, and the same input gives the same result.
 */
public final class TriageRules {
  private final Clock clock;

  @Inject
  public TriageRules(Clock clock) {
    this.clock = clock;
  }

  public TriageResult triage(TriageInput input, TriageSettings settings) {
    Findings findings = new Findings();
    int sevenPoint = sevenPoint(input.sevenPoint(), settings, findings);
    int abcde = abcde(input, findings);
    if (input.bleeding()) {
      findings.add(Priority.SOON, "BLEEDING", "The spot bleeds without being injured.", 2);
    }
    if (input.rapidlyWorseningRash() && input.immunosuppressed()) {
      findings.add(Priority.URGENT, "RASH_WORSENING_IMMUNOSUPPRESSED",
          "A rash getting worse quickly in someone with a weakened immune system needs an urgent look.", 2);
    } else if (input.rapidlyWorseningRash()) {
      findings.add(Priority.SOON, "RASH_WORSENING", "The rash is getting worse quickly.", 2);
    }
    if (input.immunosuppressed()) {
      findings.add(Priority.SOON, "IMMUNOSUPPRESSED",
          "A weakened immune system (from an illness or medicines) raises the risk of skin cancer and infection.", 1);
    }
    boolean warningSigns = sevenPoint > 0 || abcde > 0 || input.bleeding();
    Priority priority = findings.mostUrgent();
    TriageReason deciding = findings.firstAsking(priority);
    if (warningSigns && riskFactors(input, settings, findings)) {
      Priority raised = priority.raisedOneStep();
      if (raised != priority) {
        deciding = findings.add(null, "HIGHER_RISK_RAISED",
            "Warning signs in someone at higher risk of skin cancer: seen one step sooner.", 0);
        priority = raised;
      }
    }
    input.classifierFinding().ifPresent(finding -> classifier(finding, findings));
    if (findings.mostUrgent().compareTo(priority) < 0) {
      priority = findings.mostUrgent(); // only the classifier can still ask for more
      deciding = findings.firstAsking(priority);
    }
    if (findings.score() == 0) {
      findings.addFirst("NO_WARNING_SIGNS", "No warning signs in the answers.");
    }
    photoChecks(input.photoChecks(), findings);
    return new TriageResult(priority, findings.score(), sevenPoint, findings.reasonsLeadingWith(deciding));
  }

  /** Glasgow 7-point checklist: major criteria 2 points each, minor 1 point each. */
  private static int sevenPoint(SevenPointAnswers answers, TriageSettings settings, Findings findings) {
    List<TriageReason> items = new ArrayList<>();
    if (answers.changeInSize()) {
      items.add(reason("SEVEN_POINT_SIZE", "The spot has grown", 2));
    }
    if (answers.changeInShape()) {
      items.add(reason("SEVEN_POINT_SHAPE", "The spot has changed shape", 2));
    }
    if (answers.changeInColour()) {
      items.add(reason("SEVEN_POINT_COLOUR", "The spot has changed colour", 2));
    }
    if (answers.diameterMm() != null && answers.diameterMm() >= 7) {
      items.add(reason("SEVEN_POINT_DIAMETER", "The spot is 7 mm across or larger", 1));
    }
    if (answers.inflammation()) {
      items.add(reason("SEVEN_POINT_INFLAMMATION", "The spot is inflamed (red or swollen)", 1));
    }
    if (answers.oozingOrCrusting()) {
      items.add(reason("SEVEN_POINT_OOZING_CRUSTING", "The spot oozes or crusts", 1));
    }
    if (answers.changeInSensation()) {
      items.add(reason("SEVEN_POINT_SENSATION", "The spot feels different (itchy, tender or painful)", 1));
    }
    int score = items.stream().mapToInt(TriageReason::points).sum();
    int urgentFrom = settings.effectiveSevenPointUrgentScore();
    if (score >= urgentFrom) {
      String whose = urgentFrom == TriageSettings.BUILT_IN_SEVEN_POINT_URGENT_SCORE ? "" : ", this clinic's setting";
      findings.add(Priority.URGENT, "SEVEN_POINT_URGENT", "7-point checklist score " + score + " (" + urgentFrom
          + " or more" + whose + "): the spot should be checked urgently for skin cancer.", 0);
    }
    items.forEach(findings::add);
    return score;
  }

  private static TriageReason reason(String code, String text, int points) {
    return new TriageReason(code, text + " (7-point checklist: " + points + (points == 1 ? " point)." : " points)."), points);
  }

  /** ABCDE melanoma warning signs: three or more together are urgent, two or a changing spot soon. */
  private static int abcde(TriageInput input, Findings findings) {
    AbcdeAnswers answers = input.abcde();
    Double measured = input.sevenPoint().diameterMm();
    List<TriageReason> items = new ArrayList<>();
    if (answers.asymmetry()) {
      items.add(new TriageReason("ABCDE_ASYMMETRY", "A: the two halves of the spot do not match.", 1));
    }
    if (answers.borderIrregular()) {
      items.add(new TriageReason("ABCDE_BORDER", "B: the edge of the spot is ragged or blurred.", 1));
    }
    if (answers.colourVariation()) {
      items.add(new TriageReason("ABCDE_COLOUR", "C: the spot has several colours.", 1));
    }
    if (answers.diameterOver6mm() || (measured != null && measured > 6)) {
      items.add(new TriageReason("ABCDE_DIAMETER", "D: the spot is wider than 6 mm.", 1));
    }
    if (answers.evolving()) {
      items.add(new TriageReason("ABCDE_EVOLVING", "E: the spot is changing.", 1));
    }
    int count = items.size();
    if (count >= 3) {
      findings.add(Priority.URGENT, "ABCDE_SEVERAL",
          count + " of the 5 melanoma warning signs (ABCDE) together: the spot should be checked urgently.", 0);
    } else if (count == 2) {
      findings.add(Priority.SOON, "ABCDE_TWO", "2 of the 5 melanoma warning signs (ABCDE).", 0);
    } else if (answers.evolving()) {
      findings.add(Priority.SOON, "ABCDE_CHANGING", "A changing spot is the most telling melanoma warning sign.", 0);
    }
    items.forEach(findings::add);
    return count;
  }

  /** Adds a reason per risk factor; true if there is any. */
  private boolean riskFactors(TriageInput input, TriageSettings settings, Findings findings) {
    boolean any = input.immunosuppressed();
    Integer age = ageYears(input.dateOfBirth());
    int urgentAge = settings.effectiveUrgentAgeYears();
    if (age != null && age >= urgentAge) {
      findings.add(new TriageReason("AGE", "Aged " + urgentAge + " or over, when skin cancer becomes more common.", 1));
      any = true;
    }
    if (input.personalHistoryOfSkinCancer()) {
      findings.add(new TriageReason("PERSONAL_HISTORY", "Has had skin cancer before.", 1));
      any = true;
    }
    if (input.familyHistoryOfSkinCancer()) {
      findings.add(new TriageReason("FAMILY_HISTORY", "A close relative has had skin cancer.", 1));
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
      findings.add(Priority.SOON, "CLASSIFIER_FLAGGED", "Image analysis (" + finding.model() + ") flagged the photos as possibly concerning: "
          + finding.label() + ", " + percent + " confidence.", 1);
    } else {
      findings.add(new TriageReason("CLASSIFIER_NOT_FLAGGED", "Image analysis (" + finding.model()
          + ") did not flag the photos; this does not rule anything out.", 0));
    }
  }

  private static void photoChecks(PhotoCheckOutcome outcome, Findings findings) {
    switch (outcome) {
      case SOME_FAILED -> findings.add(new TriageReason("PHOTOS_UNCLEAR",
          "Some photos are too unclear to rely on; new photos may be needed.", 0));
      case NOT_COMPLETED -> findings.add(new TriageReason("PHOTOS_NOT_CHECKED",
          "The photo checks had not finished; the photos may need a closer look.", 0));
      case ALL_PASSED -> { }
    }
  }

  /** The reasons in rule order, with the priority each asks for. */
  private static final class Findings {
    private final List<TriageReason> reasons = new ArrayList<>();
    private final List<Priority> asks = new ArrayList<>();

    TriageReason add(Priority asking, String code, String text, int points) {
      TriageReason reason = new TriageReason(code, text, points);
      reasons.add(reason);
      asks.add(asking);
      return reason;
    }

    void add(TriageReason reason) {
      reasons.add(reason);
      asks.add(null);
    }

    void addFirst(String code, String text) {
      reasons.add(0, new TriageReason(code, text, 0));
      asks.add(0, null);
    }

    Priority mostUrgent() {
      Priority most = Priority.ROUTINE;
      for (Priority asked : asks) {
        if (asked != null) {
          most = most.atLeast(asked);
        }
      }
      return most;
    }

    /** The first reason asking for {@code priority}; null if none does (a ROUTINE case). */
    TriageReason firstAsking(Priority priority) {
      for (int i = 0; i < reasons.size(); i++) {
        if (asks.get(i) == priority) {
          return reasons.get(i);
        }
      }
      return null;
    }

    int score() {
      return reasons.stream().mapToInt(TriageReason::points).sum();
    }

    List<TriageReason> reasonsLeadingWith(TriageReason deciding) {
      List<TriageReason> ordered = new ArrayList<>(reasons);
      if (deciding != null && ordered.remove(deciding)) {
        ordered.add(0, deciding);
      }
      return ordered;
    }
  }
}
