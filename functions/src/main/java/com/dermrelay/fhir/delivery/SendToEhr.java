package com.dermrelay.fhir.delivery;

import com.dermrelay.cases.CaseStore;
import com.dermrelay.cases.StoredCase;
import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.audit.AuditResource;
import com.dermrelay.core.audit.AuditTrail;
import com.dermrelay.core.tenancy.TenantDirectory;
import com.dermrelay.metering.UsageKind;
import com.dermrelay.metering.UsageMeter;
import javax.inject.Inject;

/**
 * One attempt to deliver a round of a case to the clinic's EHR: build the round's Bundle, post it,
 * record the outcome on {@code EHR#<round>}. A delivered round is not sent again unless forced;
 * sending again is harmless anyway (conditional creates: the EHR finds what it already has). A
 * failure is recorded (attempts, reason) and then thrown, so the workflow can retry ({@link
 * EhrUnavailableException}) or give up ({@link EhrRejectedException}). A round the EHR accepted is
 * metered once ({@link UsageKind#EHR_DELIVERY}), however often it is sent again.
 */
public final class SendToEhr {
  private final TenantDirectory directory;
  private final CaseStore cases;
  private final EhrDeliveryStore deliveries;
  private final EhrSecrets secrets;
  private final FhirEndpointClient client;
  private final AuditTrail audit;
  private final UsageMeter meter;

  @Inject
  public SendToEhr(
      TenantDirectory directory,
      CaseStore cases,
      EhrDeliveryStore deliveries,
      EhrSecrets secrets,
      FhirEndpointClient client,
      AuditTrail audit,
      UsageMeter meter) {
    this.meter = meter;
    this.directory = directory;
    this.cases = cases;
    this.deliveries = deliveries;
    this.secrets = secrets;
    this.client = client;
    this.audit = audit;
  }

  /** Sends unless delivered already (or {@code force}); returns the record as it now stands. */
  public EhrDelivery attempt(
      TenantContext tenant, String caseId, int round, EhrBundleSource bundles, boolean force) {
    return attempt(tenant, caseId, round, bundles, force, FhirEndpointClient.Deadline.NONE);
  }

  /** As above, with the EHR's calls cut to end by {@code deadline} (a synchronous "send again"). */
  public EhrDelivery attempt(
      TenantContext tenant,
      String caseId,
      int round,
      EhrBundleSource bundles,
      boolean force,
      FhirEndpointClient.Deadline deadline) {
    EhrDelivery current = deliveries.find(tenant, caseId, round).orElse(null);
    if (current != null && current.isDelivered() && !force) {
      return current;
    }
    String now = tenant.requestTime().toString();
    try {
      StoredCase c =
          cases
              .find(tenant, caseId)
              .orElseThrow(() -> new EhrRejectedException("The case no longer exists."));
      EhrEndpoint endpoint =
          directory
              .find(tenant.tenantId())
              .flatMap(EhrEndpoint::of)
              .orElseThrow(
                  () ->
                      new EhrRejectedException(
                          "The clinic has no EHR endpoint configured (settings: ehr)."));
      EhrCredentials credentials =
          secrets
              .get(tenant)
              .orElseThrow(
                  () ->
                      new EhrRejectedException(
                          "No EHR credentials are stored; store them with putEhrCredentials."));
      String bundle =
          bundles
              .transactionBundle(tenant, caseId, round, endpoint.media())
              .orElseThrow(
                  () ->
                      new EhrRejectedException("The case has no answer for round " + round + "."));
      FhirEndpointClient.Receipt receipt = client.send(endpoint, credentials, bundle, deadline);
      meter.record(tenant, UsageKind.EHR_DELIVERY, caseId + "/" + round, tenant.requestTime());
      EhrDelivery delivered =
          deliveries.update(tenant, caseId, round, d -> d.delivered(now, receipt.locations()));
      // Health data left for another system: the patient's access log shows it.
      audit.wrote(
          tenant,
          "ehr.delivery.sent",
          AuditResource.ofPatient("case", caseId, c.record().patientSubject()));
      return delivered;
    } catch (EhrUnavailableException | EhrRejectedException failure) {
      String reason =
          failure instanceof EhrUnavailableException u
              ? u.reason()
              : ((EhrRejectedException) failure).reason();
      deliveries.update(tenant, caseId, round, d -> d.attempted(now, reason));
      throw failure;
    }
  }
}
