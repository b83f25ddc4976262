package com.dermrelay.testing.stack;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.testing.StackProvider;
import java.util.Optional;

/**
 * {@code dermrelay.stack=localstack} ({@code mvn verify -Plocalstack}): DynamoDB and S3 from a
 * LocalStack container started by Testcontainers, in place of dynalite and s3proxy; the gateway,
 * the functions (in-process), identity, the Step Functions interpreter, the outbox, the FHIR
 * receiver and Secrets Manager stay embedded (docs/localstack.md says why for each).
 *
 * <p>Without a Docker engine it is unavailable, by the check Testcontainers' own
 * {@code @Testcontainers(disabledWithoutDocker = true)} makes, and the tests are skipped. This
 * class names no Testcontainers type: it is found by ServiceLoader on every test classpath, and
 * only {@code -Plocalstack} puts Testcontainers there.
 */
public final class LocalStackContainerProvider implements StackProvider {
  public static final String NAME = "localstack";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> unavailableReason() {
    if (!testcontainersPresent()) {
      return Optional.of(
          "Testcontainers is not on the test classpath (run with -Plocalstack, which adds it)");
    }
    return LocalStackContainers.dockerAvailable()
        ? Optional.empty()
        : Optional.of(
            "no Docker engine answers here (Testcontainers found none), so no LocalStack container can start");
  }

  @Override
  public LocalStack start(LocalStackConfig config) {
    return LocalStackContainers.start(config);
  }

  private static boolean testcontainersPresent() {
    try {
      Class.forName(
          "org.testcontainers.DockerClientFactory",
          false,
          LocalStackContainerProvider.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
