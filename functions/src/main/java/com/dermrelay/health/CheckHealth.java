package com.dermrelay.health;

import com.dermrelay.core.config.Settings;
import com.dermrelay.core.data.SingleTable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Asks each backing service one cheap question: is the table active, does the media bucket exist,
 * does Step Functions answer. Each call is bounded so a dead service cannot hang the check.
 */
public final class CheckHealth {
  private static final Logger LOG = LoggerFactory.getLogger(CheckHealth.class);
  private static final AwsRequestOverrideConfiguration BOUNDED =
      AwsRequestOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(3)).build();

  private final Settings settings;
  private final SingleTable table;
  private final S3Client s3;
  private final SfnClient stepFunctions;

  @Inject
  public CheckHealth(Settings settings, SingleTable table, S3Client s3, SfnClient stepFunctions) {
    this.settings = settings;
    this.table = table;
    this.s3 = s3;
    this.stepFunctions = stepFunctions;
  }

  public HealthReport run() {
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("dynamodb", check("dynamodb", () -> table.active(BOUNDED)));
    checks.put(
        "s3",
        check(
            "s3",
            () -> {
              s3.headBucket(r -> r.bucket(settings.mediaBucket()).overrideConfiguration(BOUNDED));
              return true;
            }));
    checks.put(
        "stepfunctions",
        check(
            "stepfunctions",
            () -> {
              stepFunctions.listStateMachines(r -> r.maxResults(1).overrideConfiguration(BOUNDED));
              return true;
            }));
    return HealthReport.of(settings.version(), checks);
  }

  private static String check(String service, Supplier<Boolean> probe) {
    try {
      return probe.get() ? HealthReport.UP : HealthReport.DOWN;
    } catch (RuntimeException e) {
      LOG.warn("health check failed: service={} error={}", service, e.getClass().getName());
      return HealthReport.DOWN;
    }
  }
}
