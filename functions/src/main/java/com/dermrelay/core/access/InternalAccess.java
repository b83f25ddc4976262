package com.dermrelay.core.access;

import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Tenant contexts for work the platform does itself, not on a token: a Step Functions task acting
 * on a case (its input names the tenant, and was written by a verified API call), and a clinic's
 * sign-up, which creates the tenant the context is for. Each is recorded as a system actor or as
 * the new account in the audit trail.
 */
public final class InternalAccess {
  private final TenantDirectory directory;

  @Inject
  public InternalAccess(TenantDirectory directory) {
    this.directory = directory;
  }

  /**
   * For a workflow step of an existing tenant.
   *
   * @param step names the step in the audit trail, e.g. {@code triage}
   * @throws IllegalArgumentException if the tenant does not exist
   */
  public TenantContext forWorkflowStep(
      String tenantId, String step, String executionId, Instant time) {
    TenantRecord tenant =
        directory.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no such tenant"));
    return new TenantContext(
        tenantId, "system:" + step, null, "DermRelay", executionId, time, tenant.retentionYears());
  }

  /**
   * For a clinic's EHR following a photo link we signed (fhir.media): the link's token names the
   * tenant, and its signature is the credential. Recorded as the actor {@code ehr}. Empty if the
   * clinic no longer exists.
   */
  public Optional<TenantContext> forEhrLink(String tenantId, String requestId, Instant time) {
    if (tenantId == null || !TenantContext.TENANT_ID.matcher(tenantId).matches()) {
      return Optional.empty();
    }
    return directory
        .find(tenantId)
        .map(
            tenant ->
                new TenantContext(
                    tenantId,
                    "ehr",
                    null,
                    "The clinic's record system",
                    requestId,
                    time,
                    tenant.retentionYears()));
  }

  /**
   * For the platform operator's cross-clinic views (the operator console's clinic list): the
   * request's caller, verified by the access rules as a platform operator, acting for one clinic.
   * Empty if the clinic no longer exists.
   *
   * @throws IllegalStateException if the caller is not a platform operator
   */
  public Optional<TenantContext> forPlatformOperator(
      Caller caller, String name, String tenantId, String requestId, Instant time) {
    if (!caller.has(Role.PLATFORM_OPERATOR)) {
      throw new IllegalStateException("not a platform operator");
    }
    return directory
        .find(tenantId)
        .map(
            tenant ->
                new TenantContext(
                    tenantId,
                    caller.subject(),
                    Role.PLATFORM_OPERATOR,
                    name,
                    requestId,
                    time,
                    tenant.retentionYears()));
  }

  /** For creating a new clinic: its first clinic admin acts, before the tenant exists. */
  public TenantContext forNewClinic(
      String tenantId,
      String adminSubject,
      String adminName,
      String requestId,
      Instant time,
      int retentionYears) {
    return new TenantContext(
        tenantId, adminSubject, Role.CLINIC_ADMIN, adminName, requestId, time, retentionYears);
  }

  /**
   * For a signed-in user accepting an invitation to a clinic they do not belong to yet: the
   * invitation itself, read in this context, is what entitles them. Empty if no such clinic.
   */
  public Optional<TenantContext> forInvitee(
      String tenantId, String subject, Role role, String name, String requestId, Instant time) {
    if (tenantId == null || !TenantContext.TENANT_ID.matcher(tenantId).matches()) {
      return Optional.empty();
    }
    return directory
        .find(tenantId)
        .map(
            tenant ->
                new TenantContext(
                    tenantId, subject, role, name, requestId, time, tenant.retentionYears()));
  }

  /**
   * For the post-confirmation trigger recording a self sign-up's clinic: the clinic was checked
   * (exists, takes new patients) in the same invocation, and Cognito's event names the account.
   *
   * @throws IllegalArgumentException if the clinic does not exist
   */
  public TenantContext forConfirmedSignUp(
      String tenantId, String subject, String requestId, Instant time) {
    TenantRecord tenant =
        directory.find(tenantId).orElseThrow(() -> new IllegalArgumentException("no such tenant"));
    return new TenantContext(
        tenantId, subject, Role.PATIENT, "", requestId, time, tenant.retentionYears());
  }
}
