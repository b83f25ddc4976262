package com.dermrelay.local.testing;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local stack once per test JVM (free ports, in memory, demo data seeded, a Step
 * Functions clock the test drives) and hands it to tests as a {@link LocalStack} parameter. JUnit
 * closes it when the run ends. Use with {@code @ExtendWith(LocalStackExtension.class)}.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalStackExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context);
  }

  private static LocalStack stack(ExtensionContext context) {
    // The root store lives as long as the test JVM's run, and closes AutoCloseable values.
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
        LocalStack.class, type -> LocalStack.start(LocalStackConfig.forTests()), LocalStack.class);
  }
}
