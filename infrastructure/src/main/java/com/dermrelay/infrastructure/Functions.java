package com.dermrelay.infrastructure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Lambda function per handler class, from the jar {@link DeploymentJars} names for it (the FHIR
 * handlers from the FHIR jar, all others from the functions jar): {@code java21} on arm64,
 * SnapStart on published versions, an alias {@value #ALIAS} on the current version that the routes
 * call (SnapStart only applies to versions, never to {@code $LATEST}), X-Ray active, a
 * KMS-encrypted log group with retention, and a role of its own that starts with only the right to
 * write its logs. Each function is called either by a route of the HTTP API or by a task of a
 * workflow ({@link Caller}); {@link #requireEveryFunctionIsCalled} fails synthesis for one that
 * neither calls.
 *
 * <p>Functions get CloudFormation's generated names, except where a name prefix is given (the API's
 * functions, {@link ApiFunctionsStack}): then each is named {@link #functionName}, so that the
 * region's dashboard in a stack below them can graph them by name without a cross-stack reference.
 * Task functions keep generated names: naming one replaces it, and running executions call the
 * alias ARN their definition held when they started.
 */
public final class Functions extends Construct {

  public static final String ALIAS = "live";
  public static final String HANDLER_METHOD = "handleRequest";
  static final Duration TIMEOUT = Duration.seconds(15);

  /**
   * The FHIR functions call a clinic's EHR: an OAuth2 token request plus the post, each with the
   * clinic's timeout (up to 30 s). A Lambda timeout is not in the EHR workflow's retry list, so the
   * function must outlive the client's own timeouts and report them as retryable.
   */
  static final Duration FHIR_TIMEOUT = Duration.seconds(75);

  static final RetentionDays LOG_RETENTION = RetentionDays.ONE_YEAR;

  /** Lambda's limit on a function name. */
  static final int MAX_NAME_LENGTH = 64;

  // The environment the functions read (core.config.Settings and friends).
  public static final String ENV_TABLE = "DERMRELAY_TABLE";
  public static final String ENV_MEDIA_BUCKET = "DERMRELAY_MEDIA_BUCKET";
  public static final String ENV_CASE_WORKFLOW_ARN = "DERMRELAY_CASE_WORKFLOW_ARN";

  /**
   * Set only where the EHR delivery workflow is deployed (the FHIR jar is built): absent, no EHR
   * delivery.
   */
  public static final String ENV_EHR_WORKFLOW_ARN = "DERMRELAY_EHR_WORKFLOW_ARN";

  /** Where the research export workflow is deployed (issue 17): startResearchExport starts it. */
  public static final String ENV_RESEARCH_EXPORT_WORKFLOW_ARN =
      "DERMRELAY_RESEARCH_EXPORT_WORKFLOW_ARN";

  /** Where the second-read workflow is deployed (issue 16): DeliverAnswer starts it. */
  public static final String ENV_SECOND_READ_WORKFLOW_ARN = "DERMRELAY_SECOND_READ_WORKFLOW_ARN";

  /**
   * For EHR_CREDENTIALS functions: secrets are named {@code <prefix><tenantId>...}
   * (dermrelay/<stage>/tenants/).
   */
  public static final String ENV_EHR_SECRET_PREFIX = "DERMRELAY_EHR_SECRET_PREFIX";

  /** For EHR_CREDENTIALS functions: the KMS key new EHR credential secrets are encrypted with. */
  public static final String ENV_EHR_SECRET_KEY_ARN = "DERMRELAY_EHR_SECRET_KEY_ARN";

  public static final String ENV_VERSION = "DERMRELAY_VERSION";
  public static final String ENV_USER_POOL_ID = "DERMRELAY_USER_POOL_ID";
  public static final String ENV_PORTAL_CLIENT_ID = "DERMRELAY_PORTAL_CLIENT_ID";
  public static final String ENV_TENANT_ROLE_ARN = "DERMRELAY_TENANT_ROLE_ARN";

  /** Where links in e-mails point (invitations): the stage's first portal origin. */
  public static final String ENV_PORTAL_URL = "DERMRELAY_PORTAL_URL";

  /** The sender of notification e-mail, on the stage's SES domain when it has one. */
  public static final String ENV_MAIL_FROM = "DERMRELAY_MAIL_FROM";

  public static final String ENV_SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";
  public static final String SERVICE_NAME = "dermrelay";

  /** Who calls a function. Every function has exactly one caller: a route or a workflow task. */
  public enum Caller {
    /** An operation of the OpenAPI contract, through the HTTP API. */
    ROUTE,
    /** A Task state of a workflow, through Step Functions ({@link WorkflowTasks}). */
    WORKFLOW_TASK,
    /** A Lambda trigger of the Cognito user pool ({@link IdentityStack}). */
    USER_POOL_TRIGGER,
    /** An EventBridge schedule ({@link WorkflowStack}: the reconciler). */
    SCHEDULE
  }

  /**
   * One deployed handler.
   *
   * @param name the function's name when {@link Functions} was given a name prefix, else empty
   *     (generated)
   */
  public record DeployedFunction(
      String handlerClass,
      Caller caller,
      FunctionProfile profile,
      Function function,
      Alias alias,
      Role role,
      Optional<String> name) {}

  private final Map<String, DeployedFunction> byHandler = new LinkedHashMap<>();

  /**
   * @param callers fully qualified handler classes and who calls each, each class checked to be in
   *     its jar
   * @param environment the variables every function gets
   * @param logKey the key that encrypts the log groups
   */
  public Functions(
      Construct scope,
      String id,
      DeploymentJars jars,
      Map<String, Caller> callers,
      Map<String, String> environment,
      IKey logKey) {
    this(scope, id, jars, callers, environment, logKey, Optional.empty());
  }

  /**
   * @param namePrefix when present, each function is named {@link #functionName}{@code (namePrefix,
   *     handler)}
   */
  public Functions(
      Construct scope,
      String id,
      DeploymentJars jars,
      Map<String, Caller> callers,
      Map<String, String> environment,
      IKey logKey,
      Optional<String> namePrefix) {
    super(scope, id);
    Objects.requireNonNull(environment, "environment");
    jars.requireClasses(callers.keySet(), "The functions to deploy");
    // One asset per jar, shared by the functions that deploy from it.
    Map<Path, Code> assets = new HashMap<>();
    for (Map.Entry<String, Caller> entry : callers.entrySet()) {
      String handler = entry.getKey();
      String name = simpleName(handler);
      if (byHandler.keySet().stream().anyMatch(other -> simpleName(other).equals(name))) {
        throw new IllegalStateException(
            "Two handler classes share the simple name "
                + name
                + "; function names come from it, so rename one");
      }
      FunctionProfile profile = FunctionProfile.forHandler(handler);
      LogGroup logs =
          LogGroup.Builder.create(this, name + "Logs")
              .retention(LOG_RETENTION)
              .encryptionKey(logKey)
              .removalPolicy(RemovalPolicy.RETAIN)
              .build();
      Role role =
          Role.Builder.create(this, name + "Role")
              .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
              .description("DermRelay " + name + ": its own least-privilege role")
              .build();
      logs.grantWrite(role);
      Optional<String> functionName = namePrefix.map(prefix -> functionName(prefix, handler));
      Function function =
          Function.Builder.create(this, name)
              .functionName(functionName.orElse(null))
              .description("DermRelay " + handler)
              .runtime(Runtime.JAVA_21)
              .architecture(Architecture.ARM_64)
              .code(
                  assets.computeIfAbsent(
                      jars.jarFor(handler).path(), jar -> Code.fromAsset(jar.toString())))
              .handler(handler + "::" + HANDLER_METHOD)
              .memorySize(profile.memoryMb())
              .timeout(DeploymentJars.isFhirHandler(handler) ? FHIR_TIMEOUT : TIMEOUT)
              .role(role)
              .logGroup(logs)
              .tracing(Tracing.ACTIVE)
              .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
              .environment(new LinkedHashMap<>(environment))
              .build();
      suppressFunctionFindings(function, role);
      Alias alias =
          Alias.Builder.create(this, name + "Alias")
              .aliasName(ALIAS)
              .version(function.getCurrentVersion())
              .build();
      byHandler.put(
          handler,
          new DeployedFunction(
              handler, entry.getValue(), profile, function, alias, role, functionName));
    }
  }

  public List<DeployedFunction> all() {
    return List.copyOf(byHandler.values());
  }

  public DeployedFunction forHandler(String handlerClass) {
    DeployedFunction deployed = byHandler.get(handlerClass);
    if (deployed == null) {
      throw new IllegalArgumentException("No function for handler " + handlerClass);
    }
    return deployed;
  }

  /**
   * Who calls each handler: the contract's handlers are routes, the workflow's are tasks. A class
   * named by both fails, so a function always has exactly one caller and one set of grants.
   */
  public static Map<String, Caller> callers(List<String> routeHandlers, List<String> taskHandlers) {
    Map<String, Caller> callers = new LinkedHashMap<>();
    routeHandlers.forEach(handler -> callers.put(handler, Caller.ROUTE));
    for (String handler : taskHandlers) {
      if (callers.putIfAbsent(handler, Caller.WORKFLOW_TASK) == Caller.ROUTE) {
        throw new IllegalStateException(
            handler
                + " is both an x-handler of the contract and a workflow task; "
                + "a function is either a route's handler or a task's");
      }
    }
    return callers;
  }

  /**
   * Fails synthesis for a function nothing calls: a route handler without a route in {@code
   * routed}, or a task handler when {@code tasks} (the tasks of the deployed workflow) does not
   * name it.
   */
  public void requireEveryFunctionIsCalled(Collection<String> routed, Collection<String> tasks) {
    List<String> uncalled =
        byHandler.values().stream()
            .filter(d -> d.caller() != Caller.USER_POOL_TRIGGER && d.caller() != Caller.SCHEDULE)
            .filter(d -> !(d.caller() == Caller.ROUTE ? routed : tasks).contains(d.handlerClass()))
            .map(d -> d.handlerClass() + " (" + d.caller() + ")")
            .toList();
    if (!uncalled.isEmpty()) {
      throw new IllegalStateException(
          "Functions without a caller: "
              + uncalled
              + ". A function is either a route's handler (x-handler in api-spec/openapi.yaml) or a task of the "
              + "workflow (WorkflowTasks)");
    }
  }

  /**
   * Adds a variable to every function, for values that exist only after the functions (their
   * roles).
   */
  public void addEnvironment(String key, String value) {
    byHandler.values().forEach(deployed -> deployed.function().addEnvironment(key, value));
  }

  /** The functions whose profile includes {@code access}, as grantees. */
  public List<IGrantable> rolesWith(FunctionProfile.Access access) {
    return byHandler.values().stream()
        .filter(d -> d.profile().has(access))
        .map(d -> (IGrantable) d.role())
        .toList();
  }

  public List<IFunction> functions() {
    return byHandler.values().stream().map(d -> (IFunction) d.function()).toList();
  }

  private static void suppressFunctionFindings(Function function, Role role) {
    NagSuppression.suppress(
        function,
        "AwsSolutions-L1",
        "java21 is the runtime of decision 0010 (Java 17 source level); moving to a newer Java runtime is its own decision");
    NagSuppression.suppress(
        function,
        "HIPAA.Security-LambdaInsideVPC",
        "The functions reach only AWS APIs (DynamoDB, S3, Step Functions, SES, STS) over TLS with IAM; a VPC would "
            + "add NAT or endpoints without isolating anything, and tenant isolation is IAM's (TenantScopedAccessPolicy)");
    NagSuppression.suppress(
        function,
        "HIPAA.Security-LambdaConcurrency",
        "Reserved concurrency would take capacity from the account pool and fail deploys in new accounts with a low "
            + "limit; the API's stage throttling bounds the load and throttles alarm");
    NagSuppression.suppress(
        function,
        "HIPAA.Security-LambdaDLQ",
        "Invoked synchronously (API Gateway, Step Functions tasks): the caller sees and retries failures, so a "
            + "dead-letter queue would never receive anything; errors alarm");
    NagSuppression.suppress(
        role,
        "HIPAA.Security-IAMNoInlinePolicy",
        "Each function has its own role and its policy belongs to that role alone; a managed policy would be "
            + "the same statements under a second name");
    NagSuppression.suppress(
        role,
        "AwsSolutions-IAM5",
        List.of("Resource::*"),
        "X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions, nor does "
            + "states:ListStateMachines (health check)");
  }

  /**
   * {@code <prefix>-<SimpleName>} (e.g. {@code dermrelay-prod-GetWorklistHandler}): the class's
   * simple name, not its package, so a handler that moves to another package keeps its name. Over
   * Lambda's 64 characters, the simple name is cut and ends in 8 hex digits of its SHA-256 instead.
   */
  static String functionName(String prefix, String handlerClass) {
    String simple = simpleName(handlerClass);
    String name = prefix + "-" + simple;
    if (name.length() <= MAX_NAME_LENGTH) {
      return name;
    }
    String digest;
    try {
      digest =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(simple.getBytes(StandardCharsets.UTF_8)))
              .substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    int keep = MAX_NAME_LENGTH - prefix.length() - 1 - 1 - digest.length();
    if (keep < 8) {
      throw new IllegalStateException(
          "The name prefix " + prefix + " leaves no room for function names");
    }
    return prefix + "-" + simple.substring(0, keep) + "-" + digest;
  }

  static String simpleName(String handlerClass) {
    return handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
  }
}
