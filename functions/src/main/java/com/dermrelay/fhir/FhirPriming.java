package com.dermrelay.fhir;

import com.dermrelay.core.wiring.SnapStartPriming;
import com.dermrelay.fhir.bundle.CaseBundles;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming of the FHIR functions: what the core's {@link SnapStartPriming} warms (Dagger,
 * Jackson, the SDK pipelines), plus HAPI's R4 context and model, by building and serializing a
 * made-up Bundle. Without it the first request after each restore pays for scanning the model
 * (seconds). No tenant data, no network.
 */
@Singleton
public final class FhirPriming implements Resource {
  private final SnapStartPriming core;
  private final CaseBundles bundles;

  @Inject
  FhirPriming(SnapStartPriming core, CaseBundles bundles) {
    this.core = core;
    this.bundles = bundles;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
    core.beforeCheckpoint(context);
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) throws Exception {
    core.afterRestore(context);
  }

  /** Builds the sample Bundle; answers its JSON length (never zero when it worked). */
  int prime() {
    return bundles.buildSample();
  }
}
