package com.dermrelay.operator;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.data.IndexKey;
import com.dermrelay.core.data.ItemKey;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.data.TenantTable;
import com.dermrelay.core.data.VersionConflictException;
import com.dermrelay.core.http.ApiProblem;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.core.tenancy.ClinicConfigItem;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantKeys;
import com.dermrelay.core.tenancy.TenantRecord;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import javax.inject.Inject;

/**
 * The operator's changes of a clinic's configuration (suspension, plan): one conditional write of
 * the configuration item on the version just read (an admin's concurrent settings change makes it
 * read again, up to {@value #ATTEMPTS} times), then the reason ({@link OperatorNoteItem}) and the
 * audit record. A change that changes nothing writes nothing, so repeating one is harmless.
 */
final class ClinicConfigChanges {
  static final int MAX_REASON = 500;
  private static final int ATTEMPTS = 3;

  private final TenantDirectory directory;
  private final TenantTable<ClinicConfigItem> configs;
  private final TenantTable<OperatorNoteItem> notes;
  private final AuditTrail audit;

  @Inject
  ClinicConfigChanges(TenantDirectory directory, SingleTable table, AuditTrail audit) {
    this.directory = directory;
    this.configs = table.tenantTable(ClinicConfigItem.SCHEMA);
    this.notes = table.tenantTable(OperatorNoteItem.SCHEMA);
    this.audit = audit;
  }

  /**
   * Applies {@code change} (a copy of the configuration, changed; or the same object when there is
   * nothing to change) and returns the clinic as stored afterwards.
   */
  TenantRecord apply(
      TenantContext tenant, String action, String reason, Function<ObjectNode, ObjectNode> change) {
    for (int attempt = 1; ; attempt++) {
      TenantRecord current =
          directory
              .load(tenant.tenantId())
              .orElseThrow(() -> ApiProblem.notFound("No such resource."));
      ObjectNode changed = change.apply(current.config().deepCopy());
      if (changed.equals(current.config())) {
        return current;
      }
      try {
        long version =
            configs.putVersioned(
                tenant,
                ItemKey.inTenant(TenantKeys.CONFIG_SK),
                new ClinicConfigItem(
                    changed.toString(), tenant.requestTime().toString(), tenant.subject(), null),
                current.version(),
                IndexKey.directory(
                    IndexKey.Index.GSI1, TenantKeys.slugGsi1pk(current.slug()), "TENANT"),
                TenantKeys.clinicListing(tenant.tenantId()));
        directory.forget(tenant.tenantId());
        notes.putIfAbsent(
            tenant,
            ItemKey.inTenant(
                OperatorNoteItem.PREFIX + tenant.requestTime() + "#" + tenant.requestId()),
            new OperatorNoteItem(
                action, reason, tenant.requestTime().toString(), tenant.actorName()));
        audit.wrote(tenant, action, AuditResource.of("clinic", tenant.tenantId()));
        return new TenantRecord(tenant.tenantId(), changed, version);
      } catch (VersionConflictException e) {
        if (attempt == ATTEMPTS) {
          throw new ApiProblem(
              409,
              ProblemTypes.CONFLICT,
              "Conflict",
              "The clinic's settings keep changing; try again in a moment.");
        }
      }
    }
  }

  /** The operator's required reason: 1 to {@value #MAX_REASON} characters, not only spaces. */
  static String reason(String reason) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new ApiProblem(
          400,
          ProblemTypes.INVALID_REQUEST,
          "Bad Request",
          "Field 'reason' is required: 1 to " + MAX_REASON + " characters.",
          List.of(new ApiProblem.FieldError("/reason", "1 to " + MAX_REASON + " characters")));
    }
    return reason;
  }
}
