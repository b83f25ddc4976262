package com.dermrelay.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * Alarms and the dashboard of a region: function errors and throttles, API 5xx, table throttling, and
 * (once the case workflow exists) failed executions, all to one KMS-encrypted SNS topic that the
 * on-call subscribes to (a subscription is per deployment: docs/deploy.md).
 */
public final class Monitoring extends Construct {

  static final Duration PERIOD = Duration.minutes(5);
  /** SLA breaches are rare and not urgent to the minute: one alarm per quarter hour with any. */
  static final Duration SLA_BREACH_PERIOD = Duration.minutes(15);
  /** Logged by the Escalate step as EMF (functions' review.SlaBreachMetric), no dimensions. */
  static final String METRIC_NAMESPACE = "DermRelay";
  static final String SLA_BREACHES = "SlaBreaches";

  private final Topic alarmTopic;
  private final SnsAction notify;
  private final Dashboard dashboard;
  private final List<Alarm> alarms = new ArrayList<>();

  public Monitoring(Construct scope, String id, StageConfig config, Functions functions, HttpApi api, ITable table,
      IKey topicKey) {
    super(scope, id);
    this.alarmTopic = Topic.Builder.create(this, "AlarmTopic")
        .displayName("DermRelay " + config.stage() + " alarms")
        .masterKey(topicKey)
        .enforceSsl(true)
        .build();
    this.notify = new SnsAction(alarmTopic);
    this.dashboard = Dashboard.Builder.create(this, "Dashboard")
        .dashboardName(config.stackPrefix() + "-operations")
        .build();

    List<IMetric> errors = new ArrayList<>();
    List<IMetric> throttles = new ArrayList<>();
    for (Functions.DeployedFunction deployed : functions.all()) {
      String name = Functions.simpleName(deployed.handlerClass());
      Metric fnErrors = deployed.function().metricErrors(sum());
      Metric fnThrottles = deployed.function().metricThrottles(sum());
      alarm(name + "Errors", fnErrors, 1, "Lambda " + name + " raised errors");
      errors.add(fnErrors);
      throttles.add(fnThrottles);
    }
    // One throttle alarm for the region's functions, not one per function: throttling is the
    // account's concurrency running out, a shared cause, and 48 more alarms would push the API
    // stack past CloudFormation's 500 resources. The dashboard still graphs each function.
    Metric regionThrottles = Metric.Builder.create()
        .namespace("AWS/Lambda").metricName("Throttles")
        .statistic("Sum").period(PERIOD)
        .build();
    alarm("LambdaThrottles", regionThrottles, 1, "Lambda functions in this region were throttled");

    Metric serverErrors = api.metricServerError(sum());
    alarm("Api5xx", serverErrors, 5, "The HTTP API answered 5xx");

    MathExpression tableThrottles = MathExpression.Builder.create()
        .expression("reads + writes")
        .usingMetrics(Map.of(
            "reads", table.metric("ReadThrottleEvents", sum()),
            "writes", table.metric("WriteThrottleEvents", sum())))
        .label("Table throttle events")
        .period(PERIOD)
        .build();
    alarm("TableThrottles", tableThrottles, 1, "The case table throttled requests");

    dashboard.addWidgets(
        graph("Lambda errors", errors), graph("Lambda throttles", throttles),
        graph("API requests and 5xx", List.of(api.metricCount(sum()), serverErrors)),
        graph("API latency p99", List.of(api.metricLatency(MetricOptions.builder()
            .statistic("p99").period(PERIOD).build()))),
        graph("Table throttling", List.of(tableThrottles)));
  }

  /**
   * The seam for the case workflow: alarms on its failed and timed-out executions and on SLA
   * breaches (a case still unanswered when due), and adds them to the dashboard. ApiStack calls it
   * once the state machine is created from the ASL file.
   */
  public void watchWorkflow(IStateMachine workflow) {
    Metric failed = workflow.metricFailed(sum());
    Metric timedOut = workflow.metricTimedOut(sum());
    alarm("WorkflowFailed", failed, 1, "Case workflow executions failed");
    alarm("WorkflowTimedOut", timedOut, 1, "Case workflow executions timed out");
    // Summed over every clinic; no data (no breach logged) is the normal state, not a fault. No
    // label: a labelled metric makes CDK render the alarm as a metric-math query.
    Metric slaBreaches = Metric.Builder.create()
        .namespace(METRIC_NAMESPACE).metricName(SLA_BREACHES)
        .statistic("Sum").period(SLA_BREACH_PERIOD)
        .build();
    alarm("SlaBreaches", slaBreaches, 1, "A case passed its SLA due time unanswered (escalated)");
    dashboard.addWidgets(graph("Workflow failures", List.of(failed, timedOut)),
        graph("SLA breaches", List.of(slaBreaches)));
  }

  public ITopic alarmTopic() {
    return alarmTopic;
  }

  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }

  private void alarm(String id, IMetric metric, int threshold, String description) {
    Alarm alarm = Alarm.Builder.create(this, id)
        .metric(metric)
        .threshold(threshold)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .alarmDescription(description)
        .build();
    alarm.addAlarmAction(notify);
    alarm.addOkAction(notify);
    alarms.add(alarm);
  }

  private static GraphWidget graph(String title, List<IMetric> metrics) {
    return GraphWidget.Builder.create().title(title).left(metrics).width(12).build();
  }

  private static MetricOptions sum() {
    return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
  }
}
