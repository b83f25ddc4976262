package com.dermrelay.intake;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import com.dermrelay.metering.PlanAllowances;
import com.fasterxml.jackson.databind.JsonNode;
import javax.inject.Inject;

/**
 * Whether the clinic takes new cases: a clinic closed to new patients (tenant configuration {@code
 * acceptingNewPatients: false}) refuses new cases even from its existing patients, and tells them
 * whom to contact. Cases already sent are not affected (answers, replies, follow-ups). A clinic
 * that received the cases its plan allows this month answers 429 until the next ({@link
 * PlanAllowances}).
 */
public final class NewCasePolicy {
  public static final String CLINIC_CLOSED_PROBLEM =
      "urn:dermrelay:problem:clinic-not-taking-new-cases";

  private final TenantDirectory directory;
  private final PlanAllowances allowances;

  @Inject
  public NewCasePolicy(TenantDirectory directory, PlanAllowances allowances) {
    this.directory = directory;
    this.allowances = allowances;
  }

  /**
   * @throws ApiProblem 409 naming the clinic's support contact when it takes no new cases
   */
  public void requireOpen(TenantContext tenant) {
    // Read as stored now, not the minute-long cache: closing must take effect at once.
    TenantRecord clinic =
        directory
            .load(tenant.tenantId())
            .orElseThrow(() -> ApiProblem.notFound("No such resource."));
    if (!clinic.acceptingNewPatients()) {
      throw new ApiProblem(
          409, CLINIC_CLOSED_PROBLEM, "Not taking new cases", closedDetail(clinic));
    }
    allowances.requireCaseAllowance(tenant, clinic.plan());
  }

  /** The clinic's name and its public support contact (branding): nothing about the patient. */
  static String closedDetail(TenantRecord clinic) {
    JsonNode branding = clinic.config().path("branding");
    String email = branding.path("supportEmail").asText("");
    String phone = branding.path("supportPhone").asText("");
    StringBuilder contact = new StringBuilder();
    if (!email.isEmpty()) {
      contact.append(" by e-mail at ").append(email);
    }
    if (!phone.isEmpty()) {
      contact.append(contact.length() > 0 ? " or" : "").append(" by phone at ").append(phone);
    }
    return clinic.displayName()
        + " is not taking new cases at the moment. Your earlier cases are not"
        + " affected. To be seen about something new, contact the clinic"
        + contact
        + ".";
  }
}
