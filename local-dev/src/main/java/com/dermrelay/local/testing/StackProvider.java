package com.dermrelay.local.testing;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import java.util.Optional;

/**
 * Where the integration tests' stack comes from. {@link EmbeddedStackProvider} ({@code embedded},
 * the default and what CI runs) starts every part in this JVM; others are found with {@link
 * java.util.ServiceLoader} (test-support's {@code localstack}, a LocalStack container for DynamoDB
 * and S3). {@link LocalStackExtension} picks one by the {@code dermrelay.stack} configuration
 * parameter or system property, which Maven's {@code -Plocalstack} sets.
 */
public interface StackProvider {
  /** The value of {@code dermrelay.stack} that picks this provider. */
  String name();

  /**
   * Why this provider cannot start a stack on this machine (no Docker engine, say), in one line
   * that says what to do; empty when it can. The tests that need the stack are skipped with it.
   */
  Optional<String> unavailableReason();

  /**
   * Starts a stack with {@code config}; closing the stack stops everything the provider started.
   */
  LocalStack start(LocalStackConfig config);
}
