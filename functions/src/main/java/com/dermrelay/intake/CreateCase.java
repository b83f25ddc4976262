package com.dermrelay.intake;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.CaseView;
import com.dermrelay.cases.IntakeVersions;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditOutcome;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.http.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Opens a draft case for the signed-in patient after the emergency screen. Any "yes" stops here:
 * 422 telling the patient to seek emergency care now, nothing stored but the audit record of the
 * attempt. A clinic closed to new patients answers 409 ({@link NewCasePolicy}).
 */
public final class CreateCase {
  /** How long an unsubmitted draft is kept; its photos go with it. */
  public static final Duration DRAFT_LIFETIME = Duration.ofDays(30);

  public static final String EMERGENCY_PROBLEM = "urn:dermrelay:problem:seek-emergency-care";
  static final String EMERGENCY_ADVICE =
      "Your answers suggest you may need urgent care. This service"
          + " cannot help quickly enough: go to an emergency department or call your local emergency"
          + " number (911 in the US) now. We have not started a case.";

  private final CaseStore cases;
  private final ConsentVersions consents;
  private final AuditTrail audit;
  private final NewCasePolicy policy;

  @Inject
  public CreateCase(
      CaseStore cases, ConsentVersions consents, AuditTrail audit, NewCasePolicy policy) {
    this.cases = cases;
    this.consents = consents;
    this.audit = audit;
    this.policy = policy;
  }

  public CaseView run(TenantContext tenant, CaseRequests.Create request) {
    List<ApiProblem.FieldError> errors =
        new ArrayList<>(IntakeRules.unansweredScreen(request.emergencyScreen()));
    errors.addAll(IntakeRules.valueProblems(request.intake(), "/intake"));
    IntakeRules.refuseIfAny(errors);
    if (request.emergencyScreen().anyYes()) {
      audit.record(
          tenant,
          "case.emergency-stop",
          AuditResource.ofPatient("case-attempt", tenant.requestId(), tenant.subject()),
          AuditOutcome.DENIED);
      throw new ApiProblem(422, EMERGENCY_PROBLEM, "Seek emergency care now", EMERGENCY_ADVICE);
    }
    // After the emergency screen: urgent advice matters more than the clinic being closed.
    policy.requireOpen(tenant);
    String now = tenant.requestTime().toString();
    CaseRecord.Consent consent =
        UpdateCase.acceptedConsent(consents, tenant, request.consentVersion(), now);
    Instant expires = tenant.requestTime().plus(DRAFT_LIFETIME);
    CaseRecord record =
        new CaseRecord(
            UUID.randomUUID().toString(),
            tenant.subject(),
            CaseRecord.DRAFT,
            now,
            now,
            expires.toString(),
            null,
            request.emergencyScreen(),
            request.intake(),
            consent,
            null,
            List.of(new CaseRecord.TimelineEntry(now, "created")),
            null,
            null,
            0,
            IntakeVersions.CURRENT);
    long version = cases.save(tenant, record, 0);
    audit.wrote(
        tenant, "case.create", AuditResource.ofPatient("case", record.caseId(), tenant.subject()));
    return CaseView.of(new StoredCase(version, record));
  }
}
