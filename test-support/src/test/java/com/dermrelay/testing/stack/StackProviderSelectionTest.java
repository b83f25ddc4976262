package com.dermrelay.testing.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.EmbeddedStackProvider;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.local.testing.StackProviders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.testcontainers.DockerClientFactory;

/**
 * Which stack the integration tests get: dermrelay.stack picks the provider (embedded unless said
 * otherwise), a name nobody provides is refused with the names there are, and the localstack
 * provider where no Docker engine answers skips the tests with its reason instead of failing them.
 */
class StackProviderSelectionTest {

  @Test
  void withoutANameTheTestsGetTheEmbeddedStack() {
    assertInstanceOf(EmbeddedStackProvider.class, StackProviders.select(null));
    assertInstanceOf(EmbeddedStackProvider.class, StackProviders.select(" "));
    assertInstanceOf(EmbeddedStackProvider.class, StackProviders.select("embedded"));
    assertTrue(StackProviders.select("embedded").unavailableReason().isEmpty());
  }

  @Test
  void theLocalstackProfilesNamePicksTheContainerProvider() {
    assertInstanceOf(LocalStackContainerProvider.class, StackProviders.select("localstack"));
  }

  @Test
  void aNameNobodyProvidesIsRefusedWithTheChoices() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> StackProviders.select("floci"));
    assertTrue(refused.getMessage().contains("'floci'"), refused.getMessage());
    assertTrue(
        refused.getMessage().endsWith("there are: embedded, localstack"), refused.getMessage());
  }

  @Test
  void theContainerServesDynamoDbAndS3VerifiesSignaturesAndCarriesTheTokenWhenThereIsOne() {
    assertEquals(
        Map.of(
            "SERVICES",
            "dynamodb,s3",
            "S3_SKIP_SIGNATURE_VALIDATION",
            "0",
            "LOCALSTACK_AUTH_TOKEN",
            "ls-token-1"),
        LocalStackContainers.environment("ls-token-1"));
    assertEquals(
        Map.of("SERVICES", "dynamodb,s3", "S3_SKIP_SIGNATURE_VALIDATION", "0"),
        LocalStackContainers.environment(null));
    assertEquals(
        Map.of("SERVICES", "dynamodb,s3", "S3_SKIP_SIGNATURE_VALIDATION", "0"),
        LocalStackContainers.environment(""));
  }

  /**
   * The real thing on a machine without Docker (these build machines, CI): a class that needs the
   * stack is skipped, with the reason, and never starts one. Where Docker answers, the provider
   * starts a container instead, which LocalStackProviderIT covers.
   */
  @Test
  void withoutDockerTheLocalstackProvidersTestsAreSkippedWithTheReason() {
    assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine answers here");
    NeedsTheStack.started = false;
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(StackProviders.PARAMETER, "localstack")
            .selectors(selectClass(NeedsTheStack.class))
            .execute();

    List<Event> skipped = results.containerEvents().skipped().list();
    assertEquals(1, skipped.size(), results.allEvents().list().toString());
    String reason = skipped.get(0).getPayload(String.class).orElseThrow();
    assertEquals(
        "dermrelay.stack=localstack: no Docker engine answers here (Testcontainers found none), "
            + "so no LocalStack container can start; the tests that need the stack are skipped",
        reason);
    assertEquals(0, results.testEvents().started().count());
    assertTrue(!NeedsTheStack.started, "no stack was started");
  }

  /** Run only through the test kit above (not a *Test, so surefire leaves it alone). */
  @ExtendWith(LocalStackExtension.class)
  static class NeedsTheStack {
    static volatile boolean started;

    @Test
    void usesTheStack(LocalStack stack) {
      started = true;
    }
  }
}
