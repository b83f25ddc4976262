package com.dermrelay.review.workflow;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.tenancy.ClinicAlerts;
import com.dermrelay.review.ReviewItem;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow's RecordFailure step: a step failed for good. The case is marked FAILED (timeline
 * {@code failed}, so the patient sees it rather than a case that vanished), taken off the
 * worklists, the failure is audited and the clinic's admins are alerted with the error's name
 * (never its cause, which may carry more than ids). A case that does not exist (the failure may be
 * exactly that) is alerted all the same: this step must not fail on it.
 */
public final class RecordCaseFailure {
  private static final Logger LOG = LoggerFactory.getLogger(RecordCaseFailure.class);

  private final CaseStore cases;
  private final ReviewChanges reviews;
  private final ClinicAlerts alerts;
  private final AuditTrail audit;

  @Inject
  public RecordCaseFailure(
      CaseStore cases, ReviewChanges reviews, ClinicAlerts alerts, AuditTrail audit) {
    this.cases = cases;
    this.reviews = reviews;
    this.alerts = alerts;
    this.audit = audit;
  }

  public void run(TenantContext tenant, String caseId, String executionId, String error) {
    String now = tenant.requestTime().toString();
    Optional<StoredCase> failed = Optional.empty();
    try {
      failed =
          Optional.of(
              cases.update(
                  tenant,
                  caseId,
                  current ->
                      CaseRecord.FAILED.equals(current.status())
                          ? current
                          : current.withStatus(CaseRecord.FAILED, now, "failed")));
    } catch (NoSuchElementException missing) {
      LOG.warn("workflow failure for a case that does not exist; alerting the clinic only");
    }
    failed.ifPresent(
        c -> {
          String patient = c.record().patientSubject();
          reviews.apply(
              tenant,
              caseId,
              patient,
              item -> item.withoutClaim().waiting(ReviewItem.Wait.NONE, null));
          audit.wrote(
              tenant, "case.workflow.failed", AuditResource.ofPatient("case", caseId, patient));
        });
    String errorName =
        error == null || error.isBlank() ? "unknown" : error.replaceAll("[^A-Za-z0-9_.$-]", "");
    alerts.send(
        tenant,
        caseId,
        "A case could not be processed",
        "The processing of a case failed ("
            + errorName
            + "). The patient sees that it failed."
            + " Please look at the case and contact the patient if needed. Execution: "
            + executionId);
  }
}
