package com.dermrelay.intake;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.CaseView;
import com.dermrelay.cases.DraftMedia;
import com.dermrelay.cases.PhotoViews;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.cases.TriageInputs;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditOutcome;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.metering.UsageKind;
import com.dermrelay.metering.UsageMeter;
import com.dermrelay.patients.PatientProfiles;
import com.dermrelay.triage.RedFlags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Submits a complete draft and starts its case workflow. Only when the intake is complete, the
 * clinic's current consent is accepted and every required view has a photo that passed (or that the
 * patient kept after the advice). Answers that describe an emergency are turned away with the
 * emergency screen's problem (422), unless the clinic queues them URGENT ({@link RedFlagPolicy}).
 *
 * <p>Idempotent by construction: the status change DRAFT -> SUBMITTED is one conditional write on
 * the version, carrying the Idempotency-Key; a retry (or a concurrent attempt that lost the race)
 * finds the case submitted with its key and answers the same. The execution is named {@code
 * <tenantId>-<caseId>} with input {@code {"tenantId","caseId"}} only, so every attempt starts the
 * same execution and Step Functions runs it once; starting it after the write means a crash in
 * between is mended by the retry. The submission is metered ({@link UsageKind#CASE_SUBMITTED},
 * keyed by the case) by every attempt, at the stored submission time: the meter counts the first.
 */
public final class SubmitCase {
  private static final Logger LOG = LoggerFactory.getLogger(SubmitCase.class);
  public static final String INCOMPLETE_PROBLEM = "urn:dermrelay:problem:case-incomplete";
  static final String EMERGENCY_ADVICE =
      "Your answers describe signs that may need urgent care. This"
          + " service cannot help quickly enough: go to an emergency department or call your local emergency"
          + " number (911 in the US) now. We have not sent your case to the clinic.";

  private final CaseStore cases;
  private final ConsentVersions consents;
  private final PatientProfiles profiles;
  private final DraftMedia draftMedia;
  private final AuditTrail audit;
  private final SfnClient stepFunctions;
  private final String workflowArn;
  private final RedFlagPolicy redFlags;
  private final UsageMeter meter;

  @Inject
  public SubmitCase(
      CaseStore cases,
      ConsentVersions consents,
      PatientProfiles profiles,
      DraftMedia draftMedia,
      AuditTrail audit,
      SfnClient stepFunctions,
      Settings settings,
      RedFlagPolicy redFlags,
      UsageMeter meter) {
    this.meter = meter;
    this.redFlags = redFlags;
    this.draftMedia = draftMedia;
    this.cases = cases;
    this.consents = consents;
    this.profiles = profiles;
    this.audit = audit;
    this.stepFunctions = stepFunctions;
    this.workflowArn = settings.caseWorkflowArn();
  }

  /**
   * @param key the request's Idempotency-Key, checked by the handler (core.http.IdempotencyKey)
   */
  public CaseView run(TenantContext tenant, String caseId, String key) {
    for (int attempt = 0; attempt < 3; attempt++) {
      StoredCase stored = cases.ownCase(tenant, caseId, "case.submit");
      CaseRecord current = stored.record();
      if (!current.isDraft()) {
        if (!key.equals(current.submitKey())) {
          throw UpdateCase.conflict("The case was already submitted.");
        }
        meter.record(
            tenant, UsageKind.CASE_SUBMITTED, caseId, Instant.parse(current.submittedAt()));
        startWorkflow(tenant, caseId);
        return CaseView.of(stored);
      }
      refuseAnEmergency(tenant, current);
      List<ApiProblem.FieldError> missing = missing(tenant, current);
      if (!missing.isEmpty()) {
        throw new ApiProblem(
            409,
            INCOMPLETE_PROBLEM,
            "Case incomplete",
            "The case cannot be submitted yet; missing: "
                + String.join(", ", missing.stream().map(ApiProblem.FieldError::pointer).toList())
                + ".",
            missing);
      }
      // Untag before the write: a crash in between keeps a draft's photos, never loses a case's.
      draftMedia.keep(tenant, current);
      CaseRecord next = current.submitted(key, tenant.requestTime().toString());
      long version;
      try {
        version = cases.save(tenant, next, stored.version());
      } catch (VersionConflictException e) {
        continue; // someone else wrote first: read again, maybe it was our own retry
      }
      audit.wrote(tenant, "case.submit", AuditResource.ofPatient("case", caseId, tenant.subject()));
      meter.record(tenant, UsageKind.CASE_SUBMITTED, caseId, tenant.requestTime());
      startWorkflow(tenant, caseId);
      return CaseView.of(new StoredCase(version, next));
    }
    throw UpdateCase.conflict("The case is being changed; read it again and retry.");
  }

  /**
   * The emergency screen again, on the answers: a patient who said "no" to every screen question
   * may still describe an emergency in the rash questions. Before completeness, because urgent
   * advice matters more than a missing answer. A clinic that queues such cases URGENT instead
   * (RedFlagPolicy) takes the case, and triage puts the red flag first.
   */
  private void refuseAnEmergency(TenantContext tenant, CaseRecord c) {
    if (c.intake() == null
        || RedFlags.of(TriageInputs.from(c, null)).isEmpty()
        || !redFlags.turnsAway(tenant)) {
      return;
    }
    audit.record(
        tenant,
        "case.emergency-stop",
        AuditResource.ofPatient("case", c.caseId(), tenant.subject()),
        AuditOutcome.DENIED);
    throw new ApiProblem(
        422, CreateCase.EMERGENCY_PROBLEM, "Seek emergency care now", EMERGENCY_ADVICE);
  }

  private List<ApiProblem.FieldError> missing(TenantContext tenant, CaseRecord c) {
    List<ApiProblem.FieldError> missing =
        new ArrayList<>(IntakeRules.missingForSubmission(c.intake(), c.intakeVersion()));
    if (c.consent() == null) {
      missing.add(IntakeRules.error("/consent", "accept the clinic's telehealth consent"));
    } else if (!c.consent().version().equals(consents.current(tenant))) {
      missing.add(
          IntakeRules.error("/consent", "the clinic's consent changed; read and accept it again"));
    }
    // Triage needs the age and the record needs sex: both come from the patient's profile.
    if (profiles.find(tenant, c.patientSubject()).isEmpty()) {
      missing.add(IntakeRules.error("/profile", "add your date of birth and sex to your profile"));
    }
    for (String view : PhotoViews.REQUIRED) {
      CaseRecord.PhotoRecord photo = c.photos().get(view);
      if (photo == null || !PhotoViews.usable(photo)) {
        missing.add(
            IntakeRules.error(
                "/photos/" + view,
                photo != null && "CHECKED".equals(photo.status())
                    ? "the photo has advice to follow: retake it, or keep it as it is"
                    : "a checked photo of this view is required"));
      }
    }
    return missing;
  }

  private void startWorkflow(TenantContext tenant, String caseId) {
    String input = "{\"tenantId\":\"" + tenant.tenantId() + "\",\"caseId\":\"" + caseId + "\"}";
    try {
      stepFunctions.startExecution(
          r -> r.stateMachineArn(workflowArn).name(tenant.tenantId() + "-" + caseId).input(input));
    } catch (ExecutionAlreadyExistsException e) {
      // Step Functions answers this for a retry once the execution has closed (a running one
      // answers success). The name fixes the input: a UUID case id makes "<tenantId>-<caseId>"
      // unambiguous and the input is those two ids alone, so this is our execution, started once.
      LOG.info("case workflow already started for this case");
    }
  }
}
