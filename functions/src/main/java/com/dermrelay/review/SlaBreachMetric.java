package com.dermrelay.review;

import java.io.PrintStream;
import java.time.Clock;
import javax.inject.Inject;

/**
 * Counts SLA breaches as the CloudWatch metric {@code DermRelay/SlaBreaches} (no dimensions, so
 * one alarm covers every clinic) in the Embedded Metric Format: one JSON line on standard output,
 * which Lambda's log agent turns into the metric with no API call and no SDK module.
 */
public final class SlaBreachMetric {
  static final String NAMESPACE = "DermRelay";
  static final String NAME = "SlaBreaches";

  private final Clock clock;
  private final PrintStream out;

  @Inject
  public SlaBreachMetric(Clock clock) {
    this(clock, System.out);
  }

  SlaBreachMetric(Clock clock, PrintStream out) {
    this.clock = clock;
    this.out = out;
  }

  public void record() {
    out.println("{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
        + NAMESPACE + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + NAME
        + "\",\"Unit\":\"Count\"}]}]},\"" + NAME + "\":1}");
    out.flush();
  }
}
