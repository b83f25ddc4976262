package com.dermrelay.fhir.workflow;

import com.dermrelay.core.access.TenantContext;
import com.dermrelay.core.workflow.WorkflowTaskHandler;
import com.dermrelay.fhir.FhirComponent;
import com.dermrelay.fhir.FhirFunctions;
import com.dermrelay.fhir.api.CaseBundleSource;
import com.dermrelay.fhir.delivery.EhrBundleSource;
import com.dermrelay.fhir.delivery.EhrDelivery;
import com.dermrelay.fhir.delivery.SendToEhr;
import java.util.Map;

/**
 * Task SendToEhr of the EHR delivery workflow: one attempt to deliver the round. Its
 * EhrUnavailableException is retried by the workflow, anything else goes to RecordEhrFailure.
 * Builds the Bundle, so it ships in dermrelay-fhir.jar.
 */
public final class SendToEhrTaskHandler extends WorkflowTaskHandler {
  private final SendToEhr useCase;
  private final EhrBundleSource bundles;

  public SendToEhrTaskHandler() {
    this(FhirFunctions.fromProcessEnvironment());
  }

  public SendToEhrTaskHandler(Map<String, String> environment) {
    this(FhirFunctions.forEnvironment(environment));
  }

  SendToEhrTaskHandler(FhirComponent component) {
    super(component.internalAccess(), component.clock(), "send-to-ehr");
    this.useCase = component.ehrDelivery().send;
    this.bundles = new CaseBundleSource(component.caseBundles());
  }

  @Override
  protected Map<String, Object> run(TenantContext tenant, TaskInput input) {
    EhrDelivery delivery =
        useCase.attempt(tenant, input.caseId(), (int) input.number("round"), bundles, false);
    // The workflow's ResultSelector reads $.Payload.status: always present.
    return Map.of("status", delivery.status());
  }
}
