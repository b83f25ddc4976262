package com.dermrelay.core.wiring;

import com.dermrelay.core.config.Settings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where handlers get their component. On Lambda, the process environment; in the local stack and
 * tests, an explicit environment map. Handlers that share an environment share one component, so
 * a container builds each SDK client once however many handlers it hosts.
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
        Map.copyOf(environment),
        env -> DaggerFunctionsComponent.factory().create(Settings.from(env)));
  }
}
