package com.dermrelay.fhir.api;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.fhir.bundle.CaseBundles;
import com.dermrelay.fhir.delivery.EhrBundleSource;
import com.dermrelay.fhir.delivery.EhrDelivery;
import com.dermrelay.fhir.delivery.EhrDeliveryUseCases;
import com.dermrelay.fhir.delivery.ResendToEhr;
import javax.inject.Inject;

/**
 * resendToEhr as its handler runs it: delivery's HAPI-free use case given the Bundle builder that
 * only dermrelay-fhir.jar carries, so the handler holds one use case.
 */
public final class ResendCaseToEhr {
  private final ResendToEhr resend;
  private final EhrBundleSource bundles;

  @Inject
  public ResendCaseToEhr(EhrDeliveryUseCases delivery, CaseBundles bundles) {
    this.resend = delivery.resend;
    this.bundles = new CaseBundleSource(bundles);
  }

  public EhrDelivery run(TenantContext tenant, String caseId, String round, boolean force) {
    return resend.run(tenant, caseId, round, force, bundles);
  }
}
