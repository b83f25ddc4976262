package com.dermrelay.intake;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.tenancy.TenantDirectory;
import javax.inject.Inject;

/**
 * What a clinic does with a submission whose answers describe an emergency (triage.RedFlags): turn
 * it away with the emergency screen's advice (the default, {@code seek-emergency-care}), or take it
 * and queue it URGENT with the red flag as the reason ({@code queue-urgent}), for a clinic that can
 * act on an urgent case within hours. The clinic's configuration {@code triage.redFlagsAtSubmit}
 * says which.
 */
public final class RedFlagPolicy {
  public static final String SEEK_EMERGENCY_CARE = "seek-emergency-care";
  public static final String QUEUE_URGENT = "queue-urgent";

  private final TenantDirectory directory;

  @Inject
  public RedFlagPolicy(TenantDirectory directory) {
    this.directory = directory;
  }

  /** Whether the clinic turns such a case away; an unset or unknown setting does. */
  public boolean turnsAway(TenantContext tenant) {
    return !QUEUE_URGENT.equals(
        directory
            .find(tenant.tenantId())
            .map(t -> t.config().at("/triage/redFlagsAtSubmit").asText(SEEK_EMERGENCY_CARE))
            .orElse(SEEK_EMERGENCY_CARE));
  }
}
