package com.dermrelay.fhir.delivery;

import com.dermrelay.core.access.TenantContext;
import java.util.Optional;

/**
 * Where a round's transaction Bundle comes from, as JSON text: the FHIR record builder
 * (fhir.bundle, HAPI), which only the handlers in the FHIR jar carry. The delivery use cases take
 * it from their handler so that nothing here needs the FHIR model.
 */
@FunctionalInterface
public interface EhrBundleSource {
  /** The round's Bundle, or empty when the case or its answer for the round does not exist. */
  Optional<String> transactionBundle(
      TenantContext tenant, String caseId, int round, EhrEndpoint.Media media);
}
