package com.dermrelay.fhir;

import com.dermrelay.core.aws.AwsClientsModule;
import com.dermrelay.core.config.Settings;
import com.dermrelay.core.http.ApiHandlerSupport;
import com.dermrelay.core.wiring.JsonModule;
import com.dermrelay.core.wiring.MediaModule;
import com.dermrelay.core.wiring.TenancyModule;
import com.dermrelay.fhir.api.GetCaseFhirBundle;
import com.dermrelay.fhir.bundle.CaseBundles;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * What the handlers in {@code com.dermrelay.fhir} use: the core modules of the main
 * FunctionsComponent plus the FHIR use cases. A component of its own so the main one (and the
 * dermrelay-functions.jar it ships in) never references HAPI (docs/decisions/0017-fhir-jar.md).
 */
@Singleton
@Component(
    modules = {AwsClientsModule.class, JsonModule.class, TenancyModule.class, MediaModule.class})
public interface FhirComponent {
  ApiHandlerSupport apiHandlerSupport();

  CaseBundles caseBundles();

  GetCaseFhirBundle getCaseFhirBundle();

  /** EHR delivery's use cases, for the handlers that build the Bundle (SendToEhr, resendToEhr). */
  com.dermrelay.fhir.delivery.EhrDeliveryUseCases ehrDelivery();

  /** resendToEhr, with the Bundle builder (fhir.api). */
  com.dermrelay.fhir.api.ResendCaseToEhr resendCaseToEhr();

  /** The tenant context of a workflow task (fhir.workflow). */
  com.dermrelay.core.access.InternalAccess internalAccess();

  java.time.Clock clock();

  /** openEhrMediaLink: the public route a FHIR Media's link opens (fhir.media). */
  com.dermrelay.fhir.media.OpenEhrMediaLink openEhrMediaLink();

  /**
   * Registered with CRaC as the component is built (FhirFunctions), so snapshots are taken warm.
   */
  FhirPriming priming();

  @Component.Factory
  interface Factory {
    FhirComponent create(@BindsInstance Settings settings);
  }
}
