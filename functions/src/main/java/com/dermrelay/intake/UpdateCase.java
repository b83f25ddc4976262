package com.dermrelay.intake;

import com.dermrelay.cases.CaseRecord;
import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.CaseView;
import com.dermrelay.cases.IntakeAnswers;
import com.dermrelay.cases.IntakeVersions;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Changes a draft's answers and/or accepts the clinic's consent, on the version the patient read
 * (409 if it changed since). A given {@code intake} replaces the whole questionnaire.
 */
public final class UpdateCase {
  private final CaseStore cases;
  private final ConsentVersions consents;
  private final AuditTrail audit;

  @Inject
  public UpdateCase(CaseStore cases, ConsentVersions consents, AuditTrail audit) {
    this.cases = cases;
    this.consents = consents;
    this.audit = audit;
  }

  public CaseView run(TenantContext tenant, String caseId, CaseRequests.Update request) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (request.version() == null) {
      errors.add(IntakeRules.error("/version", "is required: the version you read"));
    }
    errors.addAll(IntakeRules.valueProblems(request.intake(), "/intake"));
    IntakeRules.refuseIfAny(errors);
    StoredCase stored = cases.ownCase(tenant, caseId, "case.update");
    CaseRecord current = stored.record();
    if (!current.isDraft()) {
      throw conflict("The case was submitted and can no longer be changed.");
    }
    if (stored.version() != request.version()) {
      throw conflict("The case changed since it was read; read it again and retry.");
    }
    String now = tenant.requestTime().toString();
    CaseRecord.Consent consent =
        request.consentVersion() == null
            ? current.consent()
            : acceptedConsent(consents, tenant, request.consentVersion(), now);
    IntakeAnswers intake = request.intake() == null ? current.intake() : request.intake();
    CaseRecord next = current.withAnswers(intake, consent, versionAfter(current, intake), now);
    long version;
    try {
      version = cases.save(tenant, next, stored.version());
    } catch (VersionConflictException e) {
      throw conflict("The case changed since it was read; read it again and retry.");
    }
    audit.wrote(tenant, "case.update", AuditResource.ofPatient("case", caseId, tenant.subject()));
    return CaseView.of(new StoredCase(version, next));
  }

  /**
   * A version 1 draft answered with version 2's first question (what kind of problem) is judged by
   * version 2's questions from then on: only a version 2 client asks it, and asks the rest.
   */
  static int versionAfter(CaseRecord current, IntakeAnswers intake) {
    return current.intakeVersion() < IntakeVersions.V2 && intake != null && intake.problem() != null
        ? IntakeVersions.V2
        : current.intakeVersion();
  }

  /** The consent the patient accepts now; only the clinic's current version can be accepted. */
  static CaseRecord.Consent acceptedConsent(
      ConsentVersions consents, TenantContext tenant, String version, String now) {
    if (version == null) {
      return null;
    }
    if (!version.equals(consents.current(tenant))) {
      IntakeRules.refuseIfAny(
          List.of(
              IntakeRules.error(
                  "/consentVersion",
                  "is not the clinic's current consent version; read the consent again")));
    }
    return new CaseRecord.Consent(version, now);
  }

  static ApiProblem conflict(String detail) {
    return new ApiProblem(409, ProblemTypes.CONFLICT, "Conflict", detail);
  }
}
