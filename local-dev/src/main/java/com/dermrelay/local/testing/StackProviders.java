package com.dermrelay.local.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The stack providers on the classpath, and the one a name picks. */
public final class StackProviders {
  /** The configuration parameter (or system property) that names the provider. */
  public static final String PARAMETER = "dermrelay.stack";

  private StackProviders() {}

  /**
   * The provider called {@code name}; the embedded one when {@code name} is null or blank.
   *
   * @throws IllegalArgumentException naming the providers there are, when none is called so
   */
  public static StackProvider select(String name) {
    String wanted = name == null || name.isBlank() ? EmbeddedStackProvider.NAME : name.trim();
    List<StackProvider> providers = available();
    for (StackProvider provider : providers) {
      if (provider.name().equals(wanted)) {
        return provider;
      }
    }
    throw new IllegalArgumentException(
        "no stack provider '"
            + wanted
            + "' ("
            + PARAMETER
            + "); there are: "
            + String.join(", ", providers.stream().map(StackProvider::name).toList()));
  }

  /** The embedded provider first, then those {@link ServiceLoader} finds. */
  public static List<StackProvider> available() {
    List<StackProvider> providers = new ArrayList<>();
    providers.add(new EmbeddedStackProvider());
    ServiceLoader.load(StackProvider.class, StackProviders.class.getClassLoader())
        .forEach(providers::add);
    return providers;
  }
}
