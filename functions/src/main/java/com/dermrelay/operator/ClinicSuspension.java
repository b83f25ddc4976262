package com.dermrelay.operator;

import com.dermrelay.core.access.TenantContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.inject.Inject;

/**
 * The operator suspends or resumes a clinic (docs/operations.md, "Suspending a clinic"): the
 * configuration's {@code suspended}, which the access layer reads, so the clinic's patients and
 * staff are refused while its workflow goes on and nothing of its data changes. The reason is kept
 * for the operator ({@link OperatorNoteItem}), never told to the clinic's people.
 */
public final class ClinicSuspension {
  private final ClinicConfigChanges changes;

  @Inject
  public ClinicSuspension(ClinicConfigChanges changes) {
    this.changes = changes;
  }

  /** The request body of suspendClinic and resumeClinic. */
  public record Reason(String reason) {}

  public ClinicState suspend(TenantContext tenant, Reason body) {
    String reason = ClinicConfigChanges.reason(body == null ? null : body.reason());
    return ClinicState.of(
        changes.apply(tenant, "clinic.suspend", reason, c -> c.put("suspended", true)));
  }

  public ClinicState resume(TenantContext tenant, Reason body) {
    String reason = ClinicConfigChanges.reason(body == null ? null : body.reason());
    return ClinicState.of(
        changes.apply(tenant, "clinic.resume", reason, ClinicSuspension::withoutSuspension));
  }

  private static ObjectNode withoutSuspension(ObjectNode config) {
    config.remove("suspended");
    return config;
  }
}
