package com.dermrelay.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
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
import software.constructs.Construct;

/**
 * Alarms of one stack to the region's KMS-encrypted SNS topic, which the on-call subscribes to (a
 * subscription is per deployment: docs/deploy.md). Each compute stack alarms on its own resources,
 * so that a function's alarm lives beside it and no stack nears CloudFormation's 500 resources:
 * each function's errors in its own stack (a capability's API stack, a workflow stack); the
 * region's throttles, API 5xx and table throttling in the API stack; failed and timed-out
 * executions and SLA breaches in the workflow stacks. The first workflow stack owns the topic
 * because every other compute stack depends on it. The API stack's dashboard graphs them all
 * ({@link #addDashboard}).
 */
public final class Monitoring extends Construct {

  static final Duration PERIOD = Duration.minutes(5);

  /** SLA breaches are rare and not urgent to the minute: one alarm per quarter hour with any. */
  static final Duration SLA_BREACH_PERIOD = Duration.minutes(15);

  /** Logged by the Escalate step as EMF (functions' review.SlaBreachMetric), no dimensions. */
  static final String METRIC_NAMESPACE = "DermRelay";

  static final String SLA_BREACHES = "SlaBreaches";

  private final ITopic alarmTopic;
  private final SnsAction notify;
  private final List<Alarm> alarms = new ArrayList<>();
  private final List<IMetric> errors = new ArrayList<>();

  /** Graphs beyond the Lambda ones, in the order they were added. */
  private final List<GraphWidget> graphs = new ArrayList<>();

  /**
   * The API functions of one capability stack for the dashboard, by name: that stack is above the
   * dashboard's, which therefore cannot refer to its functions.
   *
   * @param title what the graph is called after ({@code api-review})
   * @param functionNames the functions' names ({@link Functions#functionName})
   */
  public record NamedFunctions(String title, List<String> functionNames) {
    public NamedFunctions {
      functionNames = List.copyOf(functionNames);
    }
  }

  /** With a new alarm topic, encrypted with {@code topicKey}. */
  public Monitoring(Construct scope, String id, StageConfig config, IKey topicKey) {
    super(scope, id);
    this.alarmTopic =
        Topic.Builder.create(this, "AlarmTopic")
            .displayName("DermRelay " + config.stage() + " alarms")
            .masterKey(topicKey)
            .enforceSsl(true)
            .build();
    this.notify = new SnsAction(alarmTopic);
  }

  /** Alarming to the topic of another stack's {@code Monitoring}. */
  public Monitoring(Construct scope, String id, ITopic alarmTopic) {
    super(scope, id);
    this.alarmTopic = alarmTopic;
    this.notify = new SnsAction(alarmTopic);
  }

  /** An error alarm per function, and each function's errors for the dashboard. */
  public void watchFunctions(Functions functions) {
    for (Functions.DeployedFunction deployed : functions.all()) {
      String name = Functions.simpleName(deployed.handlerClass());
      Metric fnErrors = deployed.function().metricErrors(sum());
      alarm(name + "Errors", fnErrors, 1, "Lambda " + name + " raised errors");
      errors.add(fnErrors);
    }
  }

  /** The region-wide throttle alarm, the API's 5xx and latency, the table's throttling. */
  public void watchRegion(HttpApi api, ITable table) {
    // One throttle alarm for the region's functions, not one per function: throttling is the
    // account's concurrency running out, a shared cause, and one alarm per function would add a
    // resource per function for no more information. The dashboard graphs the region's throttles.
    Metric regionThrottles =
        Metric.Builder.create()
            .namespace("AWS/Lambda")
            .metricName("Throttles")
            .statistic("Sum")
            .period(PERIOD)
            .build();
    alarm("LambdaThrottles", regionThrottles, 1, "Lambda functions in this region were throttled");

    Metric serverErrors = api.metricServerError(sum());
    alarm("Api5xx", serverErrors, 5, "The HTTP API answered 5xx");

    // In a fixed order: Map.of's order changes between JVMs, and with it the template.
    Map<String, IMetric> throttleEvents = new LinkedHashMap<>();
    throttleEvents.put("reads", table.metric("ReadThrottleEvents", sum()));
    throttleEvents.put("writes", table.metric("WriteThrottleEvents", sum()));
    MathExpression tableThrottles =
        MathExpression.Builder.create()
            .expression("reads + writes")
            .usingMetrics(throttleEvents)
            .label("Table throttle events")
            .period(PERIOD)
            .build();
    alarm("TableThrottles", tableThrottles, 1, "The case table throttled requests");

    graphs.add(graph("API requests and 5xx", List.of(api.metricCount(sum()), serverErrors)));
    graphs.add(
        graph(
            "API latency p99",
            List.of(
                api.metricLatency(
                    MetricOptions.builder().statistic("p99").period(PERIOD).build()))));
    graphs.add(graph("Table throttling", List.of(tableThrottles)));
  }

  /** Alarms on a workflow's failed and timed-out executions, and graphs them. */
  public void watchWorkflow(WorkflowStateMachine workflow) {
    String name = workflow.workflow().idPrefix();
    String title = workflow.workflow().name() + " workflow";
    Metric failed = workflow.stateMachine().metricFailed(sum());
    Metric timedOut = workflow.stateMachine().metricTimedOut(sum());
    alarm(name + "WorkflowFailed", failed, 1, "Executions of the " + title + " failed");
    alarm(name + "WorkflowTimedOut", timedOut, 1, "Executions of the " + title + " timed out");
    graphs.add(graph("Failures: " + title, List.of(failed, timedOut)));
  }

  /**
   * Alarms on SLA breaches (a case still unanswered when due), which the case workflow's Escalate
   * step logs. Summed over every clinic; no data (no breach logged) is the normal state, not a
   * fault.
   */
  public void watchSlaBreaches() {
    // No label: a labelled metric makes CDK render the alarm as a metric-math query.
    Metric slaBreaches =
        Metric.Builder.create()
            .namespace(METRIC_NAMESPACE)
            .metricName(SLA_BREACHES)
            .statistic("Sum")
            .period(SLA_BREACH_PERIOD)
            .build();
    alarm("SlaBreaches", slaBreaches, 1, "A case passed its SLA due time unanswered (escalated)");
    graphs.add(graph("SLA breaches", List.of(slaBreaches)));
  }

  /**
   * The region's dashboard, {@code <stackPrefix>-operations}: the errors and throttles of every
   * function in the region together; per workflow stack ({@code workflowStacks}, below this one, by
   * reference) and per capability stack of the API ({@code apiFunctions}, by name) each function's
   * errors; then this stack's graphs (the API and the table) and each workflow stack's (executions,
   * SLA breaches). Throttles are drawn for the region only: they are the account's concurrency
   * running out, a cause every function shares.
   */
  public Dashboard addDashboard(
      String stackPrefix, List<Monitoring> workflowStacks, List<NamedFunctions> apiFunctions) {
    Dashboard dashboard =
        Dashboard.Builder.create(this, "Dashboard")
            .dashboardName(stackPrefix + "-operations")
            .build();
    dashboard.addWidgets(
        graph(
            "Lambda errors and throttles, every function in the region",
            List.of(
                Metric.Builder.create()
                    .namespace("AWS/Lambda")
                    .metricName("Errors")
                    .statistic("Sum")
                    .period(PERIOD)
                    .build(),
                Metric.Builder.create()
                    .namespace("AWS/Lambda")
                    .metricName("Throttles")
                    .statistic("Sum")
                    .period(PERIOD)
                    .build())));
    for (Monitoring workflows : workflowStacks) {
      if (!workflows.errors.isEmpty()) {
        String stack = Stack.of(workflows).getStackName();
        dashboard.addWidgets(
            graph("Lambda errors: " + stack.substring(stackPrefix.length() + 1), workflows.errors));
      }
    }
    for (NamedFunctions group : apiFunctions) {
      dashboard.addWidgets(
          graph(
              "Lambda errors: " + group.title(),
              group.functionNames().stream()
                  .map(
                      function ->
                          (IMetric)
                              Metric.Builder.create()
                                  .namespace("AWS/Lambda")
                                  .metricName("Errors")
                                  .dimensionsMap(Map.of("FunctionName", function))
                                  .statistic("Sum")
                                  .period(PERIOD)
                                  .label(function)
                                  .build())
                  .toList()));
    }
    graphs.forEach(dashboard::addWidgets);
    workflowStacks.forEach(monitoring -> monitoring.graphs.forEach(dashboard::addWidgets));
    return dashboard;
  }

  public ITopic alarmTopic() {
    return alarmTopic;
  }

  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }

  private void alarm(String id, IMetric metric, int threshold, String description) {
    Alarm alarm =
        Alarm.Builder.create(this, id)
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
