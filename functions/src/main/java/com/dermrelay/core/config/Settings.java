package com.dermrelay.core.config;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The functions' whole configuration, read once from the environment. On Lambda that is the process
 * environment set by CDK; in the local stack and in tests it is a map with the same keys, so the
 * same code finds the emulators through the standard {@code AWS_ENDPOINT_URL_<SERVICE>} settings
 * and nothing else.
 */
public record Settings(
    String region,
    String tableName,
    String mediaBucket,
    String caseWorkflowArn,
    String version,
    Map<String, String> environment) {

  public static final String REGION = "AWS_REGION";
  public static final String TABLE = "DERMRELAY_TABLE";
  public static final String MEDIA_BUCKET = "DERMRELAY_MEDIA_BUCKET";
  public static final String CASE_WORKFLOW_ARN = "DERMRELAY_CASE_WORKFLOW_ARN";
  public static final String VERSION = "DERMRELAY_VERSION";

  /** Where a state machine's ARN starts when its variable is unset (unit tests). */
  private static final String LOCAL_STATE_MACHINES =
      "arn:aws:states:us-east-1:000000000000:stateMachine:";

  public Settings {
    Objects.requireNonNull(region, REGION);
    Objects.requireNonNull(tableName, TABLE);
    Objects.requireNonNull(mediaBucket, MEDIA_BUCKET);
    Objects.requireNonNull(caseWorkflowArn, CASE_WORKFLOW_ARN);
    Objects.requireNonNull(version, VERSION);
    environment = Map.copyOf(environment);
  }

  /**
   * Reads the settings, with defaults that match the local stack so a developer's handler test
   * needs no setup. A missing region has no safe default outside local use, but the local stack
   * always sets it.
   */
  public static Settings from(Map<String, String> env) {
    return new Settings(
        env.getOrDefault(REGION, env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")),
        env.getOrDefault(TABLE, "dermrelay-local"),
        env.getOrDefault(MEDIA_BUCKET, "dermrelay-media-local"),
        env.getOrDefault(CASE_WORKFLOW_ARN, LOCAL_STATE_MACHINES + "dermrelay-case"),
        env.getOrDefault(
            VERSION,
            Settings.class.getPackage().getImplementationVersion() == null
                ? "dev"
                : Settings.class.getPackage().getImplementationVersion()),
        env);
  }

  /**
   * A workflow's state machine ARN from the environment variable infrastructure sets ({@code
   * variable}); without it, the local ARN of {@code localName}.
   */
  public String workflowArn(String variable, String localName) {
    return environment().getOrDefault(variable, LOCAL_STATE_MACHINES + localName);
  }

  /**
   * The endpoint override for one AWS service, from {@code AWS_ENDPOINT_URL_<SERVICE_ID>} or the
   * global {@code AWS_ENDPOINT_URL}, as the AWS SDKs and CLI define them; empty on AWS.
   */
  public Optional<URI> endpointFor(String serviceId) {
    String specific = environment.get("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT));
    String value = specific != null ? specific : environment.get("AWS_ENDPOINT_URL");
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value));
  }

  /**
   * Whether the functions run in the local stack: not on Lambda (which always sets {@code
   * AWS_LAMBDA_FUNCTION_NAME}) and pointed at emulators through {@code AWS_ENDPOINT_URL*}, as
   * local-dev's stack always is. Anything else counts as AWS, so a setting that relaxes a rule for
   * the local stack (loopback URLs, see core.net.OutboundAddressGuard) fails closed.
   */
  public boolean localStack() {
    return !environment.containsKey("AWS_LAMBDA_FUNCTION_NAME")
        && environment.keySet().stream().anyMatch(name -> name.startsWith("AWS_ENDPOINT_URL"));
  }

  /** Explicit keys, when the environment carries them (Lambda and the local stack both do). */
  public Optional<StaticKeys> staticKeys() {
    String id = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (id == null || secret == null) {
      return Optional.empty();
    }
    return Optional.of(new StaticKeys(id, secret, environment.get("AWS_SESSION_TOKEN")));
  }

  /** Access keys from the environment; the session token is present on Lambda. */
  public record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "StaticKeys[" + accessKeyId + ", ****]";
    }
  }

  @Override
  public String toString() {
    // The environment may hold secrets; never print it.
    return "Settings[region="
        + region
        + ", table="
        + tableName
        + ", bucket="
        + mediaBucket
        + ", workflow="
        + caseWorkflowArn
        + ", version="
        + version
        + "]";
  }
}
