package com.dermrelay.review.workflow;

import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.tenancy.ClinicAlerts;
import com.dermrelay.review.ReviewItem;
import com.dermrelay.review.ReviewStore;
import com.dermrelay.triage.Priority;
import com.dermrelay.triage.SlaHours;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.inject.Inject;

/**
 * The workflow's Escalate step, after the review wait ended without a decision.
 *
 * <ul>
 *   <li>{@code States.Timeout}: the case is overdue, an SLA breach. Its priority is raised one step
 *       (URGENT stays URGENT), it is due again after the new priority's SLA hours, the breach is
 *       recorded in the audit trail ({@code case.sla.breach}) and counted ({@code
 *       DermRelay/SlaBreaches}), and the clinic's admins are mailed.
 *   <li>{@code States.HeartbeatTimeout}: nobody touched the case for half its time; the admins are
 *       reminded and the case waits on for the rest of its time, priority unchanged.
 * </ul>
 *
 * The review item's token is cleared when the escalation is written: the ended wait's token is
 * useless, and a retry of this step that finds it cleared knows the escalation happened and only
 * answers the plan again. The breach's audit record is keyed by the breached due time, so a retry
 * cannot record it twice; a retry after the mail and before the write mails again (at least once).
 */
public final class EscalateOverdueCase {
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";

  private final WorkflowCases cases;
  private final ReviewStore reviewStore;
  private final ReviewChanges reviews;
  private final ClinicPolicy policy;
  private final ClinicAlerts alerts;
  private final AuditTrail audit;
  private final InternalAccess access;
  private final SlaBreachMetric metric;

  @Inject
  public EscalateOverdueCase(
      WorkflowCases cases,
      ReviewStore reviewStore,
      ReviewChanges reviews,
      ClinicPolicy policy,
      ClinicAlerts alerts,
      AuditTrail audit,
      InternalAccess access,
      SlaBreachMetric metric) {
    this.cases = cases;
    this.reviewStore = reviewStore;
    this.reviews = reviews;
    this.policy = policy;
    this.alerts = alerts;
    this.audit = audit;
    this.access = access;
    this.metric = metric;
  }

  public SlaPlan run(TenantContext tenant, String caseId, String priorityName, String overdue) {
    Instant now = tenant.requestTime();
    String patient = cases.get(tenant, caseId).patientSubject();
    ReviewItem item =
        reviewStore
            .find(tenant, caseId)
            .map(ReviewStore.StoredReview::item)
            .orElseThrow(CaseNotFoundException::new);
    Priority priority = Priority.valueOf(item.priority() != null ? item.priority() : priorityName);
    Instant dueAt = item.dueAt() == null ? now : Instant.parse(item.dueAt());
    if (item.waitingFor() == ReviewItem.Wait.REVIEW && item.taskToken() == null) {
      return SlaPlan.until(priority, dueAt, now); // an earlier attempt escalated already
    }
    boolean breached = !HEARTBEAT_TIMEOUT.equals(overdue) || !dueAt.isAfter(now.plusSeconds(1));
    if (!breached) {
      // Timers that started a moment before the due time was written can come back once more
      // within the last two seconds: the breach mail follows at once, a second reminder would not
      // help.
      boolean worthMailing = Duration.between(now, dueAt).getSeconds() >= 2;
      if (worthMailing) {
        alerts.send(
            tenant,
            caseId,
            "A case is waiting for a dermatologist - " + policy.displayName(tenant),
            "A case has waited untouched for half of its time; it is due at "
                + dueAt
                + ". Please make sure a dermatologist picks it up.");
      }
      reviews.apply(
          tenant, caseId, patient, current -> current.waiting(ReviewItem.Wait.REVIEW, null));
      return SlaPlan.remindedUntil(priority, dueAt, now);
    }
    Priority raised = Priority.valueOf(priorityName).atLeast(priority).raisedOneStep();
    SlaHours sla = policy.slaHours(tenant);
    Instant newDue = now.plus(sla.forPriority(raised)).truncatedTo(ChronoUnit.SECONDS);
    TenantContext atBreach =
        access.forWorkflowStep(tenant.tenantId(), "sla-escalation", "sla-breach-" + caseId, dueAt);
    audit.wrote(atBreach, "case.sla.breach", AuditResource.ofPatient("case", caseId, patient));
    metric.record();
    alerts.send(
        tenant,
        caseId,
        "SLA breached: a case is overdue - " + policy.displayName(tenant),
        "A case was not answered in time (due "
            + dueAt
            + "). Its priority is now "
            + raised
            + " and it is due again at "
            + newDue
            + " ("
            + Duration.between(now, newDue).toHours()
            + " hours).");
    reviews.apply(
        tenant,
        caseId,
        patient,
        current ->
            current.queued(
                null, raised.name(), newDue.toString(), current.preferredDermatologistId()));
    return SlaPlan.until(raised, newDue, now);
  }
}
