package com.dermrelay.local;

import com.dermrelay.local.gateway.contract.ContractCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to start the local stack: where each emulator listens, where data is kept, and the names the
 * functions are given. {@link #defaults()} is what {@code local-dev/start} runs; tests take {@link
 * #forTests()}, which picks free ports and keeps nothing.
 */
public record LocalStackConfig(
    String host,
    int gatewayPort,
    int dynamoDbPort,
    int s3Port,
    int stepFunctionsPort,
    int identityPort,
    int outboxPort,
    Path dataDir,
    Path portalDir,
    Path localDevDir,
    boolean seedDemoData,
    boolean manualClock,
    int fhirPort,
    int secretsManagerPort,
    ContractCheck.Mode contractCheck) {

  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";
  public static final String ACCESS_KEY = "local";
  public static final String SECRET_KEY = "local-secret";
  public static final String TABLE = "dermrelay-local";
  public static final String MEDIA_BUCKET = "dermrelay-media-local";
  public static final String CASE_WORKFLOW = "dermrelay-case";

  public static LocalStackConfig defaults() {
    Path repo = findRepoRoot();
    return new LocalStackConfig(
        "127.0.0.1",
        8080,
        8000,
        9000,
        8083,
        9229,
        8025,
        null,
        repo.resolve("portal"),
        localDevDir(repo),
        true,
        false,
        8090,
        8091,
        ContractCheck.Mode.OFF);
  }

  /**
   * Free ports, in memory, seeded, with a clock the test drives. {@code LocalStackExtension} adds
   * the contract check ({@link ContractCheck.Mode#RECORD}); benchmarks leave it off.
   */
  public static LocalStackConfig forTests() {
    // The gateway's port is chosen now, not at bind time: the identity service and S3 answer CORS
    // for the portal's origin, which must be known before they start.
    return defaults().withPorts(freePort(), 0, 0, 0, 0, 0).withEhrPorts(0, 0).withManualClock(true);
  }

  /** A port free on loopback now, for a stack (or several) that must know its ports up front. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the gateway", e);
    }
  }

  public LocalStackConfig withPorts(
      int gateway, int dynamoDb, int s3, int stepFunctions, int identity, int outbox) {
    return new LocalStackConfig(
        host,
        gateway,
        dynamoDb,
        s3,
        stepFunctions,
        identity,
        outbox,
        dataDir,
        portalDir,
        localDevDir,
        seedDemoData,
        manualClock,
        fhirPort,
        secretsManagerPort,
        contractCheck);
  }

  /** The local FHIR receiver's and the Secrets Manager emulator's ports (EHR delivery). */
  public LocalStackConfig withEhrPorts(int fhir, int secretsManager) {
    return new LocalStackConfig(
        host,
        gatewayPort,
        dynamoDbPort,
        s3Port,
        stepFunctionsPort,
        identityPort,
        outboxPort,
        dataDir,
        portalDir,
        localDevDir,
        seedDemoData,
        manualClock,
        fhir,
        secretsManager,
        contractCheck);
  }

  public LocalStackConfig withDataDir(Path dir) {
    return new LocalStackConfig(
        host,
        gatewayPort,
        dynamoDbPort,
        s3Port,
        stepFunctionsPort,
        identityPort,
        outboxPort,
        dir,
        portalDir,
        localDevDir,
        seedDemoData,
        manualClock,
        fhirPort,
        secretsManagerPort,
        contractCheck);
  }

  public LocalStackConfig withPortalDir(Path dir) {
    return new LocalStackConfig(
        host,
        gatewayPort,
        dynamoDbPort,
        s3Port,
        stepFunctionsPort,
        identityPort,
        outboxPort,
        dataDir,
        dir,
        localDevDir,
        seedDemoData,
        manualClock,
        fhirPort,
        secretsManagerPort,
        contractCheck);
  }

  public LocalStackConfig withManualClock(boolean manual) {
    return new LocalStackConfig(
        host,
        gatewayPort,
        dynamoDbPort,
        s3Port,
        stepFunctionsPort,
        identityPort,
        outboxPort,
        dataDir,
        portalDir,
        localDevDir,
        seedDemoData,
        manual,
        fhirPort,
        secretsManagerPort,
        contractCheck);
  }

  /**
   * Whether the gateway checks API exchanges against the contract, and what it does with a fault.
   */
  public LocalStackConfig withContractCheck(ContractCheck.Mode mode) {
    return new LocalStackConfig(
        host,
        gatewayPort,
        dynamoDbPort,
        s3Port,
        stepFunctionsPort,
        identityPort,
        outboxPort,
        dataDir,
        portalDir,
        localDevDir,
        seedDemoData,
        manualClock,
        fhirPort,
        secretsManagerPort,
        mode);
  }

  /** The portal's origin as browsers see it, for CORS on S3 and the identity service. */
  public List<String> portalOrigins() {
    int port = gatewayPort == 0 ? 8080 : gatewayPort;
    return List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
  }

  /**
   * The repository root: from {@code -Ddermrelay.repo}, else the nearest folder upwards from the
   * working directory that holds {@code api-spec/openapi.yaml}, else the working directory.
   */
  static Path findRepoRoot() {
    String configured = System.getProperty("dermrelay.repo");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (Path dir = cwd; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("api-spec/openapi.yaml"))) {
        return dir;
      }
    }
    return cwd;
  }

  private static Path localDevDir(Path repo) {
    String nodeModules = System.getProperty("dermrelay.nodeModules");
    if (nodeModules != null) {
      return Path.of(nodeModules).toAbsolutePath().getParent();
    }
    return repo.resolve("local-dev");
  }
}
