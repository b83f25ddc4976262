package com.dermrelay.review;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.intake.CaseRecord;
import com.dermrelay.intake.CaseStore;
import com.dermrelay.intake.StoredCase;
import com.dermrelay.patients.PatientProfiles;
import com.dermrelay.triage.Priority;
import com.dermrelay.triage.TriageResult;
import com.dermrelay.triage.TriageRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.inject.Inject;

/**
 * The workflow's Triage step: runs {@link TriageRules} on the intake, the photo checks and the
 * patient's age, stores the priority, score and reasons on the case, and plans the review wait
 * from the clinic's SLA hours: due at submission + hours (after a follow-up, from now). A retry
 * finds the same triage stored and writes nothing.
 */
public final class TriageCase {
  private final CaseStore cases;
  private final PatientProfiles profiles;
  private final TriageRules rules;
  private final ClinicPolicy policy;

  @Inject
  public TriageCase(CaseStore cases, PatientProfiles profiles, TriageRules rules, ClinicPolicy policy) {
    this.cases = cases;
    this.profiles = profiles;
    this.rules = rules;
    this.policy = policy;
  }

  public SlaPlan run(TenantContext tenant, String caseId, Optional<String> followUpId) {
    StoredCase stored = cases.find(tenant, caseId).orElseThrow(CaseNotFoundException::new);
    CaseRecord c = stored.record();
    LocalDate dateOfBirth = profiles.find(tenant, c.patientSubject())
        .map(p -> parseDate(p.profile().dateOfBirth())).orElse(null);
    TriageResult result = rules.triage(TriageInputs.from(c, dateOfBirth), policy.triageSettings(tenant));
    Instant now = tenant.requestTime();
    CaseRecord.CaseTriage triage = new CaseRecord.CaseTriage(result.priority().name(), result.score(),
        result.sevenPointScore(), result.reasons().stream()
            .map(r -> new CaseRecord.TriageReasonEntry(r.code(), r.text(), r.points())).toList(),
        now.toString());
    cases.update(tenant, caseId, current -> sameTriage(current.triage(), triage)
        ? current : current.withTriage(triage, now.toString()));
    Instant from = followUpId.isPresent() || c.submittedAt() == null ? now : Instant.parse(c.submittedAt());
    Priority priority = result.priority();
    return SlaPlan.until(priority, policy.slaHours(tenant).dueAt(priority, from), now);
  }

  private static boolean sameTriage(CaseRecord.CaseTriage stored, CaseRecord.CaseTriage next) {
    return stored != null && stored.priority().equals(next.priority()) && stored.score() == next.score()
        && stored.sevenPointScore() == next.sevenPointScore() && stored.reasons().equals(next.reasons());
  }

  private static LocalDate parseDate(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null; // an unreadable date is an unknown age: no age rule, rather than a failed case
    }
  }
}
