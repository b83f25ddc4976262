package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.InternalAccess;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.tenancy.ClinicAlerts;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.review.ReconcileMarks;
import com.dermrelay.review.ReviewStore;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The scheduled reconciler (decision 0024): per clinic, the cases whose workflow was lost are
 * started again. It looks at (a) cases marked by {@link com.dermrelay.review.TaskCompletions} (an
 * answer or reply stored whose token ended nothing) and (b) the clinic's worklist (cases queued for
 * review); a case still open whose latest execution is not RUNNING is re-driven: a new execution
 * {@code <tenantId>-<caseId>-r<n>} with the original input, whose steps see the stored state
 * (QueueForReview ends its own wait with an answer already stored; DeliverAnswer mails once). Each
 * re-drive is audited and alerts the clinic; the log counts them (ids of nothing).
 */
public final class ReconcileStrandedCases {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileStrandedCases.class);

  /** Re-drives per case at most: the name must stay within Step Functions' 80 characters. */
  static final int MAX_REDRIVES = 9;

  private static final Set<String> ENDED =
      Set.of(CaseRecord.ANSWERED, CaseRecord.CLOSED, CaseRecord.FAILED, CaseRecord.DRAFT);

  private final TenantDirectory clinics;
  private final InternalAccess access;
  private final CaseStore cases;
  private final ReviewStore reviews;
  private final ReconcileMarks marks;
  private final SfnClient stepFunctions;
  private final ClinicAlerts alerts;
  private final AuditTrail audit;
  private final Clock clock;
  private final String workflowArn;

  @Inject
  public ReconcileStrandedCases(
      TenantDirectory clinics,
      InternalAccess access,
      CaseStore cases,
      ReviewStore reviews,
      ReconcileMarks marks,
      SfnClient stepFunctions,
      ClinicAlerts alerts,
      AuditTrail audit,
      Clock clock,
      Settings settings) {
    this.clinics = clinics;
    this.access = access;
    this.cases = cases;
    this.reviews = reviews;
    this.marks = marks;
    this.stepFunctions = stepFunctions;
    this.alerts = alerts;
    this.audit = audit;
    this.clock = clock;
    this.workflowArn = settings.caseWorkflowArn();
  }

  /** What one run did: clinics visited, cases looked at, executions started again. */
  public record Result(int clinics, int casesChecked, int redriven) {}

  public Result run(String runId) {
    int visited = 0;
    int checked = 0;
    int redriven = 0;
    for (String tenantId : clinics.clinicIds()) {
      TenantContext tenant;
      try {
        tenant = access.forWorkflowStep(tenantId, "reconcile", runId, clock.instant());
      } catch (IllegalArgumentException gone) {
        continue; // listed but no longer there
      }
      visited++;
      Set<String> candidates = new LinkedHashSet<>();
      var pending = marks.pending(tenant);
      pending.forEach(m -> candidates.add(m.caseId()));
      Optional<String> cursor = Optional.empty();
      do {
        ReviewStore.Page page = reviews.queue(tenant, 100, cursor);
        page.reviews().forEach(r -> candidates.add(r.item().caseId()));
        cursor = page.nextCursor();
      } while (cursor.isPresent());
      for (String caseId : candidates) {
        checked++;
        if (reconcile(tenant, caseId)) {
          redriven++;
        }
      }
      // Dealt with: a live execution re-enters QueueForReview, which finds a stored answer.
      pending.forEach(m -> marks.resolve(tenant, m));
    }
    LOG.info(
        "reconciler: {} clinics, {} cases checked, {} executions re-driven",
        visited,
        checked,
        redriven);
    return new Result(visited, checked, redriven);
  }

  /** Re-drives the case if it is open and its latest execution is not running. */
  private boolean reconcile(TenantContext tenant, String caseId) {
    Optional<StoredCase> found = cases.find(tenant, caseId);
    if (found.isEmpty() || ENDED.contains(found.get().record().status())) {
      return false;
    }
    String name = tenant.tenantId() + "-" + caseId;
    int latest = -1;
    ExecutionStatus status = null;
    for (int n = 0; n <= MAX_REDRIVES; n++) {
      Optional<ExecutionStatus> described = describe(n == 0 ? name : name + "-r" + n);
      if (described.isEmpty()) {
        break;
      }
      latest = n;
      status = described.get();
    }
    if (status == ExecutionStatus.RUNNING) {
      return false;
    }
    int next = latest + 1;
    if (next > MAX_REDRIVES) {
      LOG.warn("reconciler: a case was re-driven {} times already; not again", MAX_REDRIVES);
      return false;
    }
    String input = "{\"tenantId\":\"" + tenant.tenantId() + "\",\"caseId\":\"" + caseId + "\"}";
    try {
      String nextName = next == 0 ? name : name + "-r" + next;
      stepFunctions.startExecution(r -> r.stateMachineArn(workflowArn).name(nextName).input(input));
    } catch (ExecutionAlreadyExistsException e) {
      return false; // a concurrent run started it
    }
    String patient = found.get().record().patientSubject();
    audit.wrote(tenant, "case.workflow.redriven", AuditResource.ofPatient("case", caseId, patient));
    alerts.send(
        tenant,
        caseId,
        "A case was resumed",
        "The processing of a case had stopped; it was started again where it was."
            + " An answer already given is delivered to the patient once; an unanswered case is"
            + " back on the worklist. Please check that the case goes on as expected.");
    return true;
  }

  private Optional<ExecutionStatus> describe(String name) {
    String arn = workflowArn.replace(":stateMachine:", ":execution:") + ":" + name;
    try {
      return Optional.of(stepFunctions.describeExecution(r -> r.executionArn(arn)).status());
    } catch (ExecutionDoesNotExistException e) {
      return Optional.empty();
    }
  }
}
