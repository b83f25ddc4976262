package com.dermrelay.local;

import com.dermrelay.local.gateway.contract.ContractCheck;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * {@code local-dev/start}: starts the whole platform in this JVM with the demo clinics and
 * accounts, prints where to go, and stops everything on Ctrl-C.
 */
public final class LocalDev {
  private LocalDev() {}

  public static void main(String[] args) throws InterruptedException {
    System.setProperty("log4j2.configurationFile", "classpath:dermrelay-local-log4j2.xml");
    LocalStackConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("local-dev: " + e.getMessage());
      usage(System.err);
      System.exit(2);
      return;
    }
    if (config == null) {
      usage(System.out);
      return;
    }
    long started = System.nanoTime();
    LocalStack stack;
    try {
      stack = LocalStack.start(config);
    } catch (RuntimeException e) {
      System.err.println("local-dev: the stack did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  stopped.countDown();
                },
                "local-stack-stop"));
    banner(stack, (System.nanoTime() - started) / 1_000_000);
    stopped.await();
  }

  private static void banner(LocalStack stack, long millis) {
    String portal = stack.gatewayUrl();
    System.out.printf(
        """

        DermRelay local stack ready in %.1f s

          Open              %s/
          Patient portals   %s/c/northside/   %s/c/harbour/
          Outbox            %s/_local/outbox/
          API health        %s/health

          DynamoDB %s   S3 %s   Step Functions %s   Identity %s
          FHIR receiver %s/fhir/{name}   Secrets Manager %s
          Demo accounts: see README.md. %s
          Ctrl-C stops everything.

        """,
        millis / 1000.0,
        portal,
        portal,
        portal,
        portal,
        portal,
        stack.dynamoDbEndpoint(),
        stack.s3Endpoint(),
        stack.stepFunctionsEndpoint(),
        stack.identityUrl(),
        stack.fhirReceiver().url(),
        stack.secretsManager().url(),
        stack.config().dataDir() == null
            ? "Data is in memory (use --data DIR to keep it)."
            : "Data is kept in " + stack.config().dataDir() + ".");
  }

  /** Returns null when help was asked for. */
  static LocalStackConfig parse(String[] args) {
    LocalStackConfig config = LocalStackConfig.defaults();
    Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
    int gateway = config.gatewayPort();
    int dynamoDb = config.dynamoDbPort();
    int s3 = config.s3Port();
    int sfn = config.stepFunctionsPort();
    int identity = config.identityPort();
    int outbox = config.outboxPort();
    int fhir = config.fhirPort();
    int secrets = config.secretsManagerPort();
    while (!rest.isEmpty()) {
      String option = rest.removeFirst();
      switch (option) {
        case "-h", "--help" -> {
          return null;
        }
        case "--data" -> config = config.withDataDir(Path.of(value(option, rest)).toAbsolutePath());
        case "--repo" -> {
          Path repo = Path.of(value(option, rest)).toAbsolutePath();
          config = config.withPortalDir(repo.resolve("portal"));
        }
        case "--portal" ->
            config = config.withPortalDir(Path.of(value(option, rest)).toAbsolutePath());
        case "--gateway-port" -> gateway = port(option, rest);
        case "--dynamodb-port" -> dynamoDb = port(option, rest);
        case "--s3-port" -> s3 = port(option, rest);
        case "--stepfunctions-port" -> sfn = port(option, rest);
        case "--identity-port" -> identity = port(option, rest);
        case "--outbox-port" -> outbox = port(option, rest);
        case "--fhir-port" -> fhir = port(option, rest);
        case "--secrets-port" -> secrets = port(option, rest);
        case "--check-contract" -> config = config.withContractCheck(ContractCheck.Mode.LOG);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return config
        .withPorts(gateway, dynamoDb, s3, sfn, identity, outbox)
        .withEhrPorts(fhir, secrets);
  }

  private static String value(String option, Deque<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return rest.removeFirst();
  }

  private static int port(String option, Deque<String> rest) {
    String text = value(option, rest);
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(option + " must be a port number, not " + text);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a port number, not " + text, e);
    }
  }

  private static void usage(PrintStream out) {
    out.println(
        """
        usage: local-dev/start [options]
          --data DIR                keep DynamoDB, S3, identity, outbox, secrets and workflow
                                    executions in DIR across restarts (running ones resume)
          --portal DIR              serve the portal from DIR (default: portal/)
          --gateway-port N          API and portal (default 8080)
          --dynamodb-port N         dynalite (default 8000)
          --s3-port N               s3proxy (default 9000)
          --stepfunctions-port N    Step Functions (default 8083)
          --identity-port N         Cognito-compatible identity (default 9229)
          --outbox-port N           SES and SNS endpoints of the outbox (default 8025)
          --fhir-port N             the local FHIR receiver, a stand-in EHR (default 8090)
          --secrets-port N          Secrets Manager (default 8091)
          --check-contract          log every API request or response that breaks api-spec/openapi.yaml
                                    (where and which rule; the tests fail on them, this only warns)
        Port 0 picks a free port.""");
  }
}
