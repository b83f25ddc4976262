package com.dermrelay.fhir.delivery;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.tenancy.ClinicAlerts;
import com.dermrelay.core.tenancy.TenancySettings;
import javax.inject.Inject;

/**
 * The delivery workflow gave up on a round (refused, or unavailable after every retry): the record
 * becomes FAILED with its last reason (listed in the console with "send again"), the failure is
 * audited and the clinic's admins are mailed a link to the console. The mail names the case id
 * only: no health data, and not the EHR's text either (it may quote more than ids).
 */
public final class RecordEhrFailure {
  private final EhrDeliveryStore deliveries;
  private final ClinicAlerts alerts;
  private final TenancySettings settings;
  private final AuditTrail audit;

  @Inject
  public RecordEhrFailure(
      EhrDeliveryStore deliveries,
      ClinicAlerts alerts,
      TenancySettings settings,
      AuditTrail audit) {
    this.deliveries = deliveries;
    this.alerts = alerts;
    this.settings = settings;
    this.audit = audit;
  }

  /**
   * @param error the name of the last error (an exception class), used as the reason only when no
   *     attempt recorded one
   */
  public EhrDelivery run(TenantContext tenant, String caseId, int round, String error) {
    String fallback =
        "Not delivered ("
            + (error == null ? "unknown error" : error.replaceAll("[^A-Za-z0-9_.$-]", ""))
            + ").";
    EhrDelivery failed =
        deliveries.update(
            tenant,
            caseId,
            round,
            d -> d.isDelivered() ? d : d.failed(d.lastReason() == null ? fallback : null));
    if (failed.isDelivered()) {
      return failed; // a "send again" won the race: nothing failed
    }
    audit.wrote(
        tenant, "ehr.delivery.failed", AuditResource.of("ehr-delivery", caseId + "#" + round));
    alerts.sendWithLink(
        tenant,
        "A case could not be sent to your EHR",
        "An answered case (round "
            + round
            + ") could not be delivered to your clinic's EHR after"
            + " several attempts. The reason and a \"Send again\" button are in the clinic console.",
        settings.portalUrl() + "/console/#ehr-deliveries");
    return failed;
  }
}
