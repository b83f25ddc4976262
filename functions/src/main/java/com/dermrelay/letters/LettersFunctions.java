package com.dermrelay.letters;

import com.dermrelay.core.config.Settings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Core;

/**
 * Where the letters jar's handlers get their component, as core.wiring.Functions does for the
 * others: one component per environment, its SnapStart priming registered with CRaC (the map keeps
 * it strongly reachable; on a JVM without CRaC registering does nothing).
 */
public final class LettersFunctions {
  private static final Map<Map<String, String>, LettersComponent> COMPONENTS =
      new ConcurrentHashMap<>();

  private LettersFunctions() {}

  public static LettersComponent fromProcessEnvironment() {
    return forEnvironment(System.getenv());
  }

  public static LettersComponent forEnvironment(Map<String, String> environment) {
    return COMPONENTS.computeIfAbsent(
        Map.copyOf(environment),
        env -> {
          LettersComponent component = DaggerLettersComponent.factory().create(Settings.from(env));
          Core.getGlobalContext().register(component.snapStartPriming());
          return component;
        });
  }
}
