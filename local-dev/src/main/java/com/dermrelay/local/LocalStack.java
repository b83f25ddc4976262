package com.dermrelay.local;

import com.dermrelay.local.clock.ClockControl;
import com.dermrelay.local.dynamodb.DynaliteProcess;
import com.dermrelay.local.dynamodb.TableSetup;
import com.dermrelay.local.fhir.FhirReceiver;
import com.dermrelay.local.functions.FunctionClocks;
import com.dermrelay.local.functions.InProcessFunctions;
import com.dermrelay.local.gateway.GatewayConfig;
import com.dermrelay.local.gateway.LocalGateway;
import com.dermrelay.local.gateway.OpenApiRoutes;
import com.dermrelay.local.gateway.SecurityHeaders;
import com.dermrelay.local.gateway.contract.ApiContract;
import com.dermrelay.local.gateway.contract.ContractCheck;
import com.dermrelay.local.gateway.contract.ContractViolation;
import com.dermrelay.local.identity.CodeDelivery;
import com.dermrelay.local.identity.IdentityConfig;
import com.dermrelay.local.identity.IdentityService;
import com.dermrelay.local.identity.LocalIdentityServer;
import com.dermrelay.local.outbox.Outbox;
import com.dermrelay.local.outbox.OutboxMessage;
import com.dermrelay.local.outbox.OutboxServer;
import com.dermrelay.local.outbox.OutboxViews;
import com.dermrelay.local.reconcile.ReconcileControl;
import com.dermrelay.local.s3.ExternalBucket;
import com.dermrelay.local.s3.S3Emulator;
import com.dermrelay.local.secrets.SecretsManagerEmulator;
import com.dermrelay.local.seed.DemoData;
import com.dermrelay.local.seed.DemoSeeder;
import com.dermrelay.local.stepfunctions.ManualClock;
import com.dermrelay.local.stepfunctions.MovableClock;
import com.dermrelay.local.stepfunctions.ShiftableClock;
import com.dermrelay.local.stepfunctions.StepFunctionsEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole platform in one JVM: starts each emulator in dependency order, seeds the demo data, and
 * stops everything in reverse order. A part that fails to start stops those already running, so a
 * failed start never leaves a process or a port behind.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  /** The scheduled reconciler (functions' review.workflow), run on a timer and by tests. */
  public static final String RECONCILER_HANDLER =
      "com.dermrelay.review.workflow.ReconcileStrandedCasesHandler";

  private static final java.time.Duration RECONCILE_EVERY = java.time.Duration.ofMinutes(5);

  /** The user pool's pre-sign-up trigger (infrastructure's PortalUserPool attaches the same). */
  public static final String PRE_SIGN_UP_HANDLER = "com.dermrelay.tenants.PreSignUpTriggerHandler";

  public static final String POST_CONFIRMATION_HANDLER =
      "com.dermrelay.tenants.PostConfirmationTriggerHandler";
  private static final String FUNCTION_ARN_PREFIX =
      "arn:aws:lambda:"
          + LocalStackConfig.REGION
          + ":"
          + LocalStackConfig.ACCOUNT_ID
          + ":function:";

  private final LocalStackConfig config;
  private final ExternalServices external;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();

  // The same ASL files CDK deploys; their Lambda ARNs name the functions WorkflowFunctions maps.
  private final FunctionCalls calls =
      new FunctionCalls(new WorkflowFunctions(LocalWorkflow.values()));

  private String dynamoDbEndpoint;
  private DynaliteProcess dynalite;
  private String s3Endpoint;
  private S3Emulator s3;
  private Outbox outbox;
  private OutboxServer outboxServer;
  private LocalIdentityServer identity;
  private StepFunctionsEmulator stepFunctions;
  private String stepFunctionsUrl;
  private InProcessFunctions functions;
  private LocalGateway gateway;
  private Map<String, String> functionEnvironment;
  private String functionClock;
  private FhirReceiver fhirReceiver;
  private SecretsManagerEmulator secretsManager;
  private ContractCheck contractCheck;

  private LocalStack(LocalStackConfig config, ExternalServices external) {
    this.config = config;
    this.external = external;
  }

  public static LocalStack start(LocalStackConfig config) {
    return start(config, ExternalServices.NONE);
  }

  /**
   * The stack with {@code external}'s DynamoDB and S3 endpoints in place of dynalite and s3proxy
   * (the table, the bucket and its CORS rule are created there); the other parts as always.
   */
  public static LocalStack start(LocalStackConfig config, ExternalServices external) {
    LocalStack stack = new LocalStack(config, external);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() {
    Path data = config.dataDir();
    String host = config.host();
    // The gateway's port was chosen before the start (the portal's origin names it); bound first,
    // no other part's free port or outgoing connection can take it while the others start.
    ServerSocket gatewayListener = track(bindGateway(host, config.gatewayPort()));
    if (external.dynamoDbEndpoint() == null) {
      dynalite =
          track(
              DynaliteProcess.start(
                  config.localDevDir(), host, config.dynamoDbPort(), sub(data, "dynamodb")));
      dynamoDbEndpoint = dynalite.endpoint();
    } else {
      dynamoDbEndpoint = external.dynamoDbEndpoint();
    }
    try (DynamoDbClient dynamoDb = dynamoDbClient()) {
      TableSetup.ensureTable(dynamoDb, LocalStackConfig.TABLE);
    }
    if (external.s3Endpoint() == null) {
      s3 =
          track(
              S3Emulator.start(
                  host,
                  config.s3Port(),
                  LocalStackConfig.ACCESS_KEY,
                  LocalStackConfig.SECRET_KEY,
                  config.portalOrigins(),
                  LocalStackConfig.MEDIA_BUCKET,
                  sub(data, "s3")));
      s3Endpoint = s3.endpoint();
    } else {
      s3Endpoint = external.s3Endpoint();
      ExternalBucket.prepare(
          s3Endpoint,
          LocalStackConfig.REGION,
          LocalStackConfig.ACCESS_KEY,
          LocalStackConfig.SECRET_KEY,
          LocalStackConfig.MEDIA_BUCKET,
          config.portalOrigins());
    }
    outbox = new Outbox(sub(data, "outbox"), java.time.Clock.systemUTC());
    outboxServer = track(OutboxServer.start(outbox, host, config.outboxPort()));
    // One time line for the whole stack: the interpreter, the functions (and the request times
    // they see) and, on a started stack, token lifetimes too, so moving it (/_local/clock) ages
    // sessions as days would. Tests keep tokens on real time: they share one stack and move its
    // clock by days, which would sign every other test's browser out.
    MovableClock clock =
        config.manualClock() ? new ManualClock(Instant.now()) : track(new ShiftableClock());
    String clockName = FunctionClocks.register(clock);
    functionClock = clockName;
    track(() -> FunctionClocks.unregister(clockName));
    java.time.Clock tokenClock =
        config.manualClock() ? java.time.Clock.systemUTC() : FunctionClocks.named(clockName);
    identity =
        track(
            LocalIdentityServer.start(
                IdentityConfig.builder()
                    .region(LocalStackConfig.REGION)
                    .clock(tokenClock)
                    .dataDir(sub(data, "identity"))
                    .corsOrigins(Set.copyOf(config.portalOrigins()))
                    // The production pool's policy (infrastructure's PortalUserPool), so the
                    // portal's
                    // hints and the tests meet the same rule locally as on AWS.
                    .minPasswordLength(12)
                    // Resolved at the first sign-up: the functions start after the pool they need.
                    .preSignUpTrigger(
                        event ->
                            calls.trigger(PRE_SIGN_UP_HANDLER, "PreSignUpTriggerHandler", event))
                    .postConfirmationTrigger(
                        event ->
                            calls.trigger(
                                POST_CONFIRMATION_HANDLER, "PostConfirmationTriggerHandler", event))
                    // The AWS app client writes e-mail only (PortalUserPool): the clinic and the
                    // name
                    // travel in ClientMetadata, and the post-confirmation trigger sets them.
                    .clientWriteAttributes(Set.of("email"))
                    .build(),
                host,
                config.identityPort(),
                this::deliverIdentityMessage));
    secretsManager =
        track(
            SecretsManagerEmulator.start(
                host, config.secretsManagerPort(), sub(data, "secretsmanager")));
    fhirReceiver = track(FhirReceiver.start(host, config.fhirPort()));
    stepFunctions =
        track(
            StepFunctionsEmulator.builder(calls::task)
                .region(LocalStackConfig.REGION)
                .accountId(LocalStackConfig.ACCOUNT_ID)
                .clock(clock)
                .dataDir(sub(data, "stepfunctions"))
                .build());
    stepFunctionsUrl = stepFunctions.start(host, config.stepFunctionsPort()).url();
    for (LocalWorkflow workflow : LocalWorkflow.values()) {
      stepFunctions
          .service()
          .createStateMachine(
              workflow.stateMachineName(),
              workflow.substituted(FUNCTION_ARN_PREFIX),
              "arn:aws:iam::"
                  + LocalStackConfig.ACCOUNT_ID
                  + ":role/"
                  + workflow.stateMachineName(),
              "STANDARD");
    }

    functionEnvironment =
        FunctionEnvironment.local(
            config,
            functionClock,
            Map.of(
                "DYNAMODB", dynamoDbEndpoint,
                "S3", s3Endpoint,
                "SFN", stepFunctionsUrl,
                "SESV2", outboxServer.url(),
                "SNS", outboxServer.url(),
                "COGNITO_IDENTITY_PROVIDER", identity.url(),
                "SECRETS_MANAGER", secretsManager.url()),
            identity.userPoolId(),
            identity.clientId());
    functions = new InProcessFunctions(functionEnvironment);
    calls.started(functions);
    if (config.contractCheck() != ContractCheck.Mode.OFF) {
      contractCheck =
          new ContractCheck(
              ApiContract.fromClasspath(OpenApiRoutes.DEFAULT_RESOURCE), config.contractCheck());
    }
    gateway =
        track(
            LocalGateway.start(
                GatewayConfig.builder()
                    .host(host)
                    .listener(gatewayListener)
                    .issuer(identity.issuer())
                    .jwksUrl(URI.create(identity.jwksUrl()))
                    .audiences(java.util.List.of(identity.clientId()))
                    .allowedOrigins(config.portalOrigins())
                    .staticDir(config.portalDir())
                    // Production's CloudFront headers, with the emulators standing in for the AWS
                    // origins.
                    .securityHeaders(
                        SecurityHeaders.local(
                            config.portalOrigins(),
                            SecurityHeaders.loopbackOrigins(identity.url()),
                            SecurityHeaders.loopbackOrigins(s3Endpoint)))
                    .accountId(LocalStackConfig.ACCOUNT_ID)
                    .clock(tokenClock)
                    .eventClock(FunctionClocks.named(functionClock))
                    .contractCheck(contractCheck)
                    .build(),
                OpenApiRoutes.fromClasspath(OpenApiRoutes.DEFAULT_RESOURCE),
                functions));
    gateway.mount(
        "/_local/outbox",
        new OutboxViews(outbox, new OutboxViews.ClockPanel(identity.url(), identity.clientId())));
    gateway.mount("/_local/clock", new ClockControl(clock, gateway::verifiedClaims));
    gateway.mount(
        "/_local/reconcile", new ReconcileControl(this::reconcile, gateway::verifiedClaims));

    if (config.seedDemoData()) {
      try (DynamoDbClient dynamoDb = dynamoDbClient()) {
        new DemoSeeder(dynamoDb, LocalStackConfig.TABLE, identity.identity()).seed(DemoData.load());
      }
    }
    // Last: the resumed executions' tasks call the functions, which need everything above.
    int resumed = stepFunctions.service().resumePersistedExecutions();
    if (resumed > 0) {
      LOG.info("resumed {} workflow executions kept in {}", resumed, sub(data, "stepfunctions"));
    }
    if (!config.manualClock()) {
      // AWS runs the reconciler on a 15-minute schedule; a stack on a test's manual clock runs it
      // only when the test asks (reconcile()), so nothing moves behind the test's back.
      java.util.concurrent.ScheduledExecutorService timer =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "reconciler");
                t.setDaemon(true);
                return t;
              });
      track(timer::shutdownNow);
      timer.scheduleWithFixedDelay(
          calls::reconcileQuietly,
          RECONCILE_EVERY.toMinutes(),
          RECONCILE_EVERY.toMinutes(),
          java.util.concurrent.TimeUnit.MINUTES);
    }
    LOG.info("local stack ready at {}", gateway.url());
  }

  private <T extends AutoCloseable> T track(T part) {
    running.push(part);
    return part;
  }

  private static ServerSocket bindGateway(String host, int port) {
    try {
      return new ServerSocket(port, 128, InetAddress.getByName(host));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the gateway on " + host + ":" + port, e);
    }
  }

  private static Path sub(Path data, String name) {
    return data == null ? null : data.resolve(name);
  }

  /** What Cognito would e-mail goes to the outbox, readable at /_local/outbox. */
  private void deliverIdentityMessage(CodeDelivery.Message message) {
    String subject =
        message.purpose() == CodeDelivery.Purpose.SIGN_UP_CONFIRMATION
            ? "Your verification code"
            : "Your temporary password";
    String text =
        message.purpose() == CodeDelivery.Purpose.SIGN_UP_CONFIRMATION
            ? "Your verification code is " + message.secret()
            : "Your username is "
                + message.username()
                + " and temporary password is "
                + message.secret();
    outbox.record(OutboxMessage.Channel.EMAIL, message.email(), subject, text);
  }

  /**
   * Runs the product's reconciler of stranded cases once, as its schedule does on AWS, and returns
   * its counts ({@code clinics}, {@code casesChecked}, {@code redriven}).
   */
  public JsonNode reconcile() {
    return calls.reconcile();
  }

  /**
   * The next {@code count} runs of the workflow function {@code name} (e.g. "DeliverAnswer") do
   * their work and then fail as Lambda does when a response is lost ({@code
   * Lambda.ServiceException}): the workflow retries a step that already wrote, which must be
   * idempotent (at least once). Only for tests: nothing else can cause this fault on purpose.
   */
  public void loseNextTaskResponses(String name, int count) {
    calls.loseNextTaskResponses(name, count);
  }

  private DynamoDbClient dynamoDbClient() {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(dynamoDbEndpoint))
        .region(Region.of(LocalStackConfig.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    LocalStackConfig.ACCESS_KEY, LocalStackConfig.SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public LocalStackConfig config() {
    return config;
  }

  /** The environment the in-process functions run with; tests build handlers with it too. */
  public Map<String, String> functionEnvironment() {
    return functionEnvironment;
  }

  public String gatewayUrl() {
    return gateway.url();
  }

  /**
   * The contract violations the gateway saw since the last call (see {@link ContractCheck}); empty
   * unless the stack runs with {@link ContractCheck.Mode#RECORD}, as tests do.
   */
  public List<ContractViolation> takeContractViolations() {
    return contractCheck == null ? List.of() : contractCheck.takeViolations();
  }

  public String dynamoDbEndpoint() {
    return dynamoDbEndpoint;
  }

  public String s3Endpoint() {
    return s3Endpoint;
  }

  /**
   * Stops {@code resource} after every part of the stack, when the stack closes: what a stack
   * provider started for it (a container), so one close stops all.
   */
  public synchronized LocalStack stopsLast(AutoCloseable resource) {
    running.addLast(resource);
    return this;
  }

  public String stepFunctionsEndpoint() {
    return stepFunctionsUrl;
  }

  public String identityUrl() {
    return identity.url();
  }

  public IdentityService identity() {
    return identity.identity();
  }

  /**
   * An outage of one emulated service for fault tests: its port refuses connections until {@link
   * #resume}; its data is kept. S3 only when the stack runs its own s3proxy.
   */
  public enum Outage {
    S3,
    IDENTITY
  }

  /** Whether {@link #interrupt} can stop {@code service} here (not when it is external). */
  public boolean canInterrupt(Outage service) {
    return service != Outage.S3 || s3 != null;
  }

  public void interrupt(Outage service) {
    switch (service) {
      case S3 -> embeddedS3().interrupt();
      case IDENTITY -> identity.interrupt();
    }
  }

  public void resume(Outage service) {
    switch (service) {
      case S3 -> embeddedS3().resume();
      case IDENTITY -> identity.resume();
    }
  }

  private S3Emulator embeddedS3() {
    if (s3 == null) {
      throw new IllegalStateException("S3 is an external service here; it cannot be interrupted");
    }
    return s3;
  }

  /**
   * Kills dynalite with SIGKILL (a crash, for fault tests); {@link #restartDynamoDb} starts it
   * again on the same port and data. Only when the stack runs its own dynalite.
   */
  public void killDynamoDb() {
    embeddedDynamoDb().kill();
  }

  /** Starts dynalite again after {@link #killDynamoDb}, on the same port and data directory. */
  public synchronized void restartDynamoDb() {
    DynaliteProcess dead = embeddedDynamoDb();
    dead.close();
    running.remove(dead);
    dynalite =
        track(
            DynaliteProcess.start(
                config.localDevDir(),
                config.host(),
                dead.port(),
                sub(config.dataDir(), "dynamodb")));
  }

  private DynaliteProcess embeddedDynamoDb() {
    if (dynalite == null) {
      throw new IllegalStateException("DynamoDB is an external service here; it cannot be killed");
    }
    return dynalite;
  }

  /**
   * Stops the whole stack as a killed process would end: nothing more is written to the data
   * directory (the interpreter stops persisting, dynalite gets SIGKILL) before the parts are
   * closed; requests in flight fail. A new stack on the same directory carries on.
   */
  public void crash() {
    if (stepFunctions != null) {
      stepFunctions.haltPersistence();
    }
    if (dynalite != null) {
      dynalite.kill();
    }
    close();
  }

  public Outbox outbox() {
    return outbox;
  }

  /** The local FHIR server clinics' EHR endpoints point at ({@code /fhir/{name}}). */
  public FhirReceiver fhirReceiver() {
    return fhirReceiver;
  }

  public SecretsManagerEmulator secretsManager() {
    return secretsManager;
  }

  public StepFunctionsEmulator stepFunctions() {
    return stepFunctions;
  }

  /** Stops every part that started, newest first; safe to call more than once. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    Set<AutoCloseable> closed = new HashSet<>();
    while (!running.isEmpty()) {
      AutoCloseable part = running.pop();
      if (!closed.add(part)) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("the local stack did not stop cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
