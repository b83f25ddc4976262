package com.dermrelay.core.access;

import com.dermrelay.core.auth.Caller;
import com.dermrelay.core.auth.Role;
import com.dermrelay.core.tenancy.Membership;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.core.tenancy.TenantRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Tenant contexts for a dermatologist's cross-clinic views (the merged worklist): one per clinic
 * they are an active dermatologist of. The user's clinics come from the directory index (eventually
 * consistent); their memberships are then read strongly consistent, as on every clinic-scoped call,
 * so a removal takes effect at once here too: all in one BatchGetItem, two requests however many
 * clinics (the clinics' configurations come from the directory's per-container cache).
 */
public final class DermatologistClinics {
  private final TenantDirectory directory;

  @Inject
  public DermatologistClinics(TenantDirectory directory) {
    this.directory = directory;
  }

  /** A clinic the caller acts for, with its display name. */
  public record Clinic(TenantContext tenant, String displayName) {}

  public List<Clinic> activeClinics(Caller caller, String name, String requestId, Instant time) {
    if (!caller.roles().contains(Role.DERMATOLOGIST)) {
      return List.of();
    }
    List<Clinic> clinics = new ArrayList<>();
    List<Membership> listed = directory.membershipsOf(caller.subject());
    Map<String, Membership> memberships =
        directory.memberships(listed.stream().map(Membership::tenantId).toList(), caller.subject());
    for (Membership each : listed) {
      Optional<Membership> current = Optional.ofNullable(memberships.get(each.tenantId()));
      Optional<TenantRecord> tenant = directory.find(each.tenantId());
      if (current
              .filter(m -> m.active() && m.roleValue().equals(Optional.of(Role.DERMATOLOGIST)))
              .isEmpty()
          || tenant.isEmpty()
          || tenant.get().suspended()) {
        // A suspended clinic's cases are not offered: its calls would be refused.
        continue;
      }
      clinics.add(
          new Clinic(
              new TenantContext(
                  each.tenantId(),
                  caller.subject(),
                  Role.DERMATOLOGIST,
                  name,
                  requestId,
                  time,
                  tenant.get().retentionYears()),
              tenant.get().displayName()));
    }
    return clinics;
  }
}
