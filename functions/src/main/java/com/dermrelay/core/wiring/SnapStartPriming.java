package com.dermrelay.core.wiring;

import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.SingleTable;
import com.dermrelay.core.http.ApiHandlerSupport;
import com.dermrelay.core.http.ApiResponses;
import com.dermrelay.core.http.ProblemTypes;
import com.dermrelay.health.HealthReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.interceptor.Context.BeforeTransmission;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * SnapStart priming: before Lambda snapshots a published version, warms what every invocation needs
 * so the restored function does not pay for it on its first request.
 *
 * <p>What it warms, without touching tenant data and without any network:
 *
 * <ul>
 *   <li>the Dagger graph: {@link Functions} registers this resource once the component is built,
 *       and {@link #beforeCheckpoint} provisions the handler support (access rules, authorizer);
 *   <li>the JSON mapper: a problem+json document and the health report, written and read back;
 *   <li>the SDK clients: the health probe's calls ({@code DescribeTable} of the table through the
 *       data layer's Enhanced Client, {@code HeadBucket} of the media bucket, {@code
 *       ListStateMachines}), run through each client's whole pipeline (endpoint rules, marshalling,
 *       SigV4 signing) and stopped just before transmission, signed with throw-away credentials.
 * </ul>
 *
 * <p>Why no real call: a request at snapshot time would resolve the function's credentials and open
 * a connection that the snapshot then freezes (stale after restore, and the same snapshot is
 * restored many times). Stopping before transmission warms the same classes and code paths; only
 * the HTTP client's socket is left cold.
 */
@Singleton
public final class SnapStartPriming implements Resource {
  static final String JSON = "Jackson problem+json and health report";

  // Signing needs some credentials; these never leave the process (transmission is stopped).
  private static final StaticCredentialsProvider THROWAWAY =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMING", "priming-only"));

  private final Provider<ApiHandlerSupport> handlerSupport;
  private final ObjectMapper mapper;
  private final ApiResponses responses;
  private final Settings settings;
  private final SingleTable table;
  private final S3Client s3;
  private final SfnClient stepFunctions;

  @Inject
  SnapStartPriming(
      Provider<ApiHandlerSupport> handlerSupport,
      ObjectMapper mapper,
      ApiResponses responses,
      Settings settings,
      SingleTable table,
      S3Client s3,
      SfnClient stepFunctions) {
    this.handlerSupport = handlerSupport;
    this.mapper = mapper;
    this.responses = responses;
    this.settings = settings;
    this.table = table;
    this.s3 = s3;
    this.stepFunctions = stepFunctions;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: no connection or credential was created at snapshot time.
  }

  /** Runs the priming and names what it warmed. Makes no network request. */
  List<String> prime() {
    List<String> warmed = new ArrayList<>();
    handlerSupport.get().responses();
    warmed.add("Dagger handler support");
    primeJson();
    warmed.add(JSON);
    warmed.add(
        stopBeforeSending(
            "DynamoDB.DescribeTable",
            plugin ->
                table.active(
                    AwsRequestOverrideConfiguration.builder()
                        .applyMutation(primingOnly(plugin))
                        .build())));
    warmed.add(
        stopBeforeSending(
            "S3.HeadBucket",
            plugin ->
                s3.headBucket(
                    r ->
                        r.bucket(settings.mediaBucket())
                            .overrideConfiguration(primingOnly(plugin)))));
    warmed.add(
        stopBeforeSending(
            "SFN.ListStateMachines",
            plugin ->
                stepFunctions.listStateMachines(
                    r -> r.maxResults(1).overrideConfiguration(primingOnly(plugin)))));
    return List.copyOf(warmed);
  }

  private void primeJson() {
    String problem =
        responses
            .problem(400, ProblemTypes.INVALID_REQUEST, "Bad Request", "priming", "priming")
            .getBody();
    HealthReport report = HealthReport.of("priming", Map.of("priming", HealthReport.UP));
    try {
      mapper.readTree(problem);
      mapper.readValue(mapper.writeValueAsString(report), Map.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("priming JSON cannot be read back", e);
    }
  }

  private static Consumer<AwsRequestOverrideConfiguration.Builder> primingOnly(SdkPlugin stop) {
    return o -> o.credentialsProvider(THROWAWAY).addPlugin(stop);
  }

  /**
   * Runs one call with a plugin whose interceptor aborts it once it is signed and about to be sent;
   * any other outcome (a response, a different failure) fails the priming, loudly.
   */
  private static String stopBeforeSending(String operation, Consumer<SdkPlugin> call) {
    SdkPlugin stop =
        config ->
            config.overrideConfiguration(
                config.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(new StopBeforeTransmission())
                    .build());
    try {
      call.accept(stop);
    } catch (RuntimeException e) {
      if (causedByStop(e)) {
        return operation;
      }
      throw new IllegalStateException("priming " + operation + " failed", e);
    }
    throw new IllegalStateException("priming " + operation + " reached the network");
  }

  private static boolean causedByStop(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PrimingStop) {
        return true;
      }
    }
    return false;
  }

  /** Aborts a request at the last moment before bytes would leave the process. */
  private static final class StopBeforeTransmission implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(BeforeTransmission context, ExecutionAttributes attributes) {
      throw new PrimingStop();
    }
  }

  private static final class PrimingStop extends RuntimeException {
    PrimingStop() {
      super("priming stops here", null, false, false);
    }
  }
}
