package com.dermrelay.local.testing;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.gateway.contract.ContractCheck;
import com.dermrelay.local.gateway.contract.ContractViolation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local stack once per test JVM (free ports, in memory, demo data seeded, a Step
 * Functions clock the test drives, the contract check on) and hands it to tests as a {@link
 * LocalStack} parameter. JUnit closes it when the run ends. Use with
 * {@code @ExtendWith(LocalStackExtension.class)}.
 *
 * <p>The stack comes from the {@link StackProvider} that {@code dermrelay.stack} names ({@code
 * embedded} unless said otherwise; {@code -Plocalstack} says {@code localstack}). When that
 * provider cannot start here (no Docker engine for a container), the tests that need the stack are
 * skipped with its reason, printed once per test JVM.
 *
 * <p>The stack's gateway checks every API request and response against {@code
 * api-spec/openapi.yaml}. After each test the violations it saw fail that test, one line each
 * (operation, part, JSON pointer, rule); those of a class's {@code @BeforeAll}/{@code @AfterAll}
 * fail the class.
 */
public final class LocalStackExtension
    implements ExecutionCondition,
        BeforeAllCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalStackExtension.class);
  private static final AtomicBoolean SKIP_SAID = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    StackProvider provider = provider(context);
    Optional<String> unavailable = provider.unavailableReason();
    if (unavailable.isEmpty()) {
      return ConditionEvaluationResult.enabled("the " + provider.name() + " stack can start here");
    }
    String reason =
        StackProviders.PARAMETER
            + "="
            + provider.name()
            + ": "
            + unavailable.get()
            + "; the tests that need the stack are skipped";
    if (SKIP_SAID.compareAndSet(false, true)) {
      // One line for the whole run, not one per class: the reason is the same for all.
      System.err.println("[dermrelay] " + reason);
    }
    return ConditionEvaluationResult.disabled(reason);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    failOnContractViolations(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    failOnContractViolations(context);
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
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            LocalStack.class,
            type ->
                provider(context)
                    .start(
                        LocalStackConfig.forTests().withContractCheck(ContractCheck.Mode.RECORD)),
            LocalStack.class);
  }

  /** The provider {@code dermrelay.stack} names, chosen once per run. */
  private static StackProvider provider(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            StackProvider.class,
            type ->
                StackProviders.select(
                    context.getConfigurationParameter(StackProviders.PARAMETER).orElse(null)),
            StackProvider.class);
  }

  private static void failOnContractViolations(ExtensionContext context) {
    LocalStack stack =
        context.getRoot().getStore(NAMESPACE).get(LocalStack.class, LocalStack.class);
    if (stack == null) {
      return;
    }
    List<ContractViolation> violations = stack.takeContractViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(ContractViolation.report(violations));
    }
  }
}
