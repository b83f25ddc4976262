package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseExchangeItems;
import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.FollowUpReport;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.cases.TriageInputs;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.patients.PatientProfiles;
import com.dermrelay.quality.figures.QualityEvents;
import com.dermrelay.triage.Priority;
import com.dermrelay.triage.TriageDecision;
import com.dermrelay.triage.TriageResult;
import com.dermrelay.triage.TriageRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The workflow's Triage step: runs {@link TriageRules} on the intake, the photo checks and the
 * patient's age, stores the priority, score and reasons on the case, and plans the review wait from
 * the clinic's SLA hours: due at submission + hours (after a follow-up, from now). A retry finds
 * the same triage stored and writes nothing.
 */
public final class TriageCase {
  static final String FOLLOW_UP_WORSE = "FOLLOW_UP_WORSE";
  private final CaseStore cases;
  private final PatientProfiles profiles;
  private final TriageRules rules;
  private final ClinicPolicy policy;
  private final CaseExchangeItems exchanges;
  private final QualityEvents quality;

  @Inject
  public TriageCase(
      CaseStore cases,
      PatientProfiles profiles,
      TriageRules rules,
      ClinicPolicy policy,
      CaseExchangeItems exchanges,
      QualityEvents quality) {
    this.exchanges = exchanges;
    this.quality = quality;
    this.cases = cases;
    this.profiles = profiles;
    this.rules = rules;
    this.policy = policy;
  }

  public SlaPlan run(TenantContext tenant, String caseId, Optional<String> followUpId) {
    StoredCase stored = cases.find(tenant, caseId).orElseThrow(CaseNotFoundException::new);
    CaseRecord c = stored.record();
    LocalDate dateOfBirth =
        profiles
            .find(tenant, c.patientSubject())
            .map(p -> parseDate(p.profile().dateOfBirth()))
            .orElse(null);
    TriageResult result =
        rules.triage(TriageInputs.from(c, dateOfBirth), policy.triageSettings(tenant));
    Instant now = tenant.requestTime();
    List<CaseRecord.TriageReasonEntry> reasons =
        new ArrayList<>(
            result.reasons().stream()
                .map(
                    r ->
                        new CaseRecord.TriageReasonEntry(
                            r.code(), r.text(), r.points(), r.decisive()))
                .toList());
    Priority priority = result.priority();
    TriageDecision decided = result.decision();
    // After a follow-up the patient's own report counts: worse, or new symptoms, is at least SOON.
    Optional<FollowUpReport> followUp =
        followUpId.flatMap(
            id ->
                exchanges
                    .get(
                        tenant,
                        CaseExchangeItems.key(caseId, "FOLLOWUP", c.round()),
                        FollowUpReport.class)
                    .map(CaseExchangeItems.Stored::document)
                    .filter(f -> f.followUpId().equals(id)));
    if (followUp.filter(f -> "WORSE".equals(f.progress()) || f.newSymptoms()).isPresent()) {
      boolean raises = priority.compareTo(Priority.SOON) > 0;
      priority = priority.atLeast(Priority.SOON);
      reasons.add(
          0,
          new CaseRecord.TriageReasonEntry(
              FOLLOW_UP_WORSE,
              "At the follow-up the patient reports it is worse or has new symptoms.",
              0,
              raises));
      if (raises) {
        // The patient's report, not the answers' rules, decided: the earlier reasons only inform.
        reasons.replaceAll(
            r ->
                r.code().equals(FOLLOW_UP_WORSE)
                    ? r
                    : new CaseRecord.TriageReasonEntry(r.code(), r.text(), r.points(), false));
        decided = new TriageDecision(FOLLOW_UP_WORSE, null, null, null);
      }
    }
    CaseRecord.CaseTriage triage =
        new CaseRecord.CaseTriage(
            priority.name(),
            result.score(),
            result.sevenPointScore(),
            List.copyOf(reasons),
            now.toString(),
            new CaseRecord.TriageDecision(
                decided.rule(), decided.scale(), decided.score(), decided.threshold()));
    cases.update(
        tenant,
        caseId,
        current ->
            sameTriage(current.triage(), triage)
                ? current
                : current.withTriage(triage, now.toString()));
    count(tenant, c, priority, followUp, now);
    Instant from =
        followUpId.isPresent() || c.submittedAt() == null ? now : Instant.parse(c.submittedAt());
    return SlaPlan.until(priority, policy.slaHours(tenant).dueAt(priority, from), now);
  }

  /**
   * The quality figures: a submitted case's priority and photo checks (its photos as submitted:
   * verdicts REJECTED or RETAKE_ADVISED, imaging.Verdict, need a retake), or a follow-up reported
   * worse. Each counted once, so a retried step counts nothing.
   */
  private void count(
      TenantContext tenant,
      CaseRecord c,
      Priority priority,
      Optional<FollowUpReport> followUp,
      Instant now) {
    if (followUp.isPresent()) {
      if ("WORSE".equals(followUp.get().progress())) {
        quality.followUpWorse(tenant, c.caseId(), c.round(), now);
      }
      return;
    }
    int checked = 0;
    int retake = 0;
    for (CaseRecord.PhotoRecord photo :
        c.photos() == null ? List.<CaseRecord.PhotoRecord>of() : c.photos().values()) {
      if (photo.verdict() != null) {
        checked++;
        if ("REJECTED".equals(photo.verdict()) || "RETAKE_ADVISED".equals(photo.verdict())) {
          retake++;
        }
      }
    }
    quality.submitted(
        tenant,
        c.caseId(),
        priority.name(),
        c.intake() == null ? null : c.intake().fitzpatrickType(),
        checked,
        retake,
        c.submittedAt() == null ? now : Instant.parse(c.submittedAt()));
  }

  private static boolean sameTriage(CaseRecord.CaseTriage stored, CaseRecord.CaseTriage next) {
    return stored != null
        && stored.priority().equals(next.priority())
        && stored.score() == next.score()
        && stored.sevenPointScore() == next.sevenPointScore()
        && stored.reasons().equals(next.reasons())
        && java.util.Objects.equals(stored.decision(), next.decision());
  }

  private static LocalDate parseDate(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null; // an unreadable date is an unknown age: no age rule, rather than a failed case
    }
  }
}
