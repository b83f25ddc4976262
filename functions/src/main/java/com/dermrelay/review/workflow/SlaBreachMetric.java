package com.dermrelay.review.workflow;

import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * Counts SLA breaches as the CloudWatch metric {@code DermRelay/SlaBreaches} (no dimensions, so one
 * alarm covers every clinic) in the Embedded Metric Format: one JSON line on standard output, which
 * Lambda's log agent turns into the metric with no API call and no SDK module.
 */
public final class SlaBreachMetric {
  static final String NAMESPACE = "DermRelay";
  static final String NAME = "SlaBreaches";

  private final Clock clock;
  private final Supplier<PrintStream> stdout;

  @Inject
  public SlaBreachMetric(Clock clock) {
    // Standard output as it is when the breach happens (a test may capture it meanwhile).
    this(clock, () -> System.out);
  }

  SlaBreachMetric(Clock clock, Supplier<PrintStream> stdout) {
    this.clock = clock;
    this.stdout = stdout;
  }

  public void record() {
    PrintStream out = stdout.get();
    out.println(
        "{\"_aws\":{\"Timestamp\":"
            + clock.millis()
            + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
            + NAMESPACE
            + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\""
            + NAME
            + "\",\"Unit\":\"Count\"}]}]},\""
            + NAME
            + "\":1}");
    out.flush();
  }
}
