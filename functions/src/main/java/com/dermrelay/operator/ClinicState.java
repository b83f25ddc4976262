package com.dermrelay.operator;

import com.dermrelay.core.tenancy.ClinicPlan;
import com.dermrelay.core.tenancy.TenantRecord;

/** A clinic's status and plan after an operator's change. */
public record ClinicState(String tenantId, String displayName, String status, ClinicPlan plan) {
  static ClinicState of(TenantRecord clinic) {
    return new ClinicState(
        clinic.tenantId(), clinic.displayName(), ClinicOverview.status(clinic), clinic.plan());
  }
}
