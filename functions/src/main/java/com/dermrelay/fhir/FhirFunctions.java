package com.dermrelay.fhir;

import com.dermrelay.core.config.Settings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Core;

/**
 * Where the FHIR handlers get their component, as core.wiring.Functions does for the others: on
 * Lambda from the process environment, in the local stack and tests from an explicit map; one
 * component per environment, so SDK clients and the FHIR context are built once per container.
 */
public final class FhirFunctions {
  private static final Map<Map<String, String>, FhirComponent> COMPONENTS =
      new ConcurrentHashMap<>();

  private FhirFunctions() {}

  public static FhirComponent fromProcessEnvironment() {
    return forEnvironment(System.getenv());
  }

  public static FhirComponent forEnvironment(Map<String, String> environment) {
    return COMPONENTS.computeIfAbsent(
        Map.copyOf(environment),
        env -> {
          FhirComponent component = DaggerFhirComponent.factory().create(Settings.from(env));
          // The map keeps the resource strongly reachable (CRaC holds resources weakly); on a JVM
          // without CRaC (local stack, tests) registering does nothing.
          Core.getGlobalContext().register(component.priming());
          return component;
        });
  }
}
