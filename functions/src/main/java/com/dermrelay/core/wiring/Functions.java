package com.dermrelay.core.wiring;

import com.dermrelay.core.config.Settings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Core;
import org.crac.Resource;

/**
 * Where handlers get their component. On Lambda, the process environment; in the local stack and
 * tests, an explicit environment map. Handlers that share an environment share one component, so a
 * container builds each SDK client once however many handlers it hosts.
 *
 * <p>Each component's {@link SnapStartPriming} is registered with the global CRaC context as it is
 * built, so a SnapStart snapshot is taken warm. The map below keeps it strongly reachable (CRaC
 * holds resources weakly). On a JVM without CRaC (the local stack, tests) registering does nothing.
 */
public final class Functions {
  private static final Map<Map<String, String>, FunctionsComponent> COMPONENTS =
      new ConcurrentHashMap<>();

  private Functions() {}

  public static FunctionsComponent fromProcessEnvironment() {
    return forEnvironment(System.getenv());
  }

  public static FunctionsComponent forEnvironment(Map<String, String> environment) {
    return COMPONENTS.computeIfAbsent(
        Map.copyOf(environment), env -> create(env, Core.getGlobalContext()));
  }

  /** Builds a component and registers its priming with {@code checkpoints}. */
  static FunctionsComponent create(
      Map<String, String> environment, org.crac.Context<Resource> checkpoints) {
    FunctionsComponent component =
        DaggerFunctionsComponent.factory().create(Settings.from(environment));
    checkpoints.register(component.snapStartPriming());
    return component;
  }
}
