package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class MonitoringTest {

  private static final String ALARM = "AWS::CloudWatch::Alarm";

  private final SynthesizedStage dev = SynthesizedStage.dev();

  @Test
  void everyFunctionHasAnErrorAlarmAndTheRegionAThrottleAlarm() {
    for (Functions.DeployedFunction deployed : dev.stacks.api().functions().all()) {
      dev.api.hasResourceProperties(ALARM, Map.of(
          "Namespace", "AWS/Lambda", "MetricName", "Errors",
          "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", dev.refTo(deployed.function())))));
    }
    dev.api.hasResourceProperties(ALARM, Map.of(
        "Namespace", "AWS/Lambda", "MetricName", "Throttles", "Dimensions", Match.absent()));
  }

  @Test
  void theApiStackLeavesRoomUnderCloudFormationsResourceLimit() {
    int resources = dev.api.toJSON().get("Resources") instanceof Map<?, ?> all ? all.size() : -1;
    // 500 is CloudFormation's hard limit per stack; each new function costs about 8.
    assertTrue(resources > 0 && resources <= 480, "resources in the API stack: " + resources);
  }

  @Test
  void theApiAlarmsOn5xxAndTheTableOnThrottling() {
    dev.api.hasResourceProperties(ALARM, Map.of("Namespace", "AWS/ApiGateway", "MetricName", "5xx"));
    dev.api.hasResourceProperties(ALARM, Map.of("Metrics", Match.arrayWith(List.of(
        Match.objectLike(Map.of("Expression", "reads + writes"))))));
  }

  @Test
  void anSlaBreachInAQuarterHourRaisesTheAlarm() {
    // The Escalate step logs the metric, so the alarm comes with the workflow.
    SynthesizedStage workflow = SynthesizedStage.withWorkflow();
    workflow.api.hasResourceProperties(ALARM, Map.of(
        "Namespace", "DermRelay", "MetricName", "SlaBreaches",
        "Statistic", "Sum", "Period", 900, "EvaluationPeriods", 1, "Threshold", 1,
        "ComparisonOperator", "GreaterThanOrEqualToThreshold",
        "TreatMissingData", "notBreaching",
        "Dimensions", Match.absent()));
    // The body is an Fn::Join of JSON fragments (it names functions by reference): read it as text.
    String dashboard = workflow.api.findResources("AWS::CloudWatch::Dashboard").toString();
    assertTrue(dashboard.contains("\"title\":\"SLA breaches\""), "an SLA breaches widget");
    assertTrue(dashboard.contains("[\"DermRelay\",\"SlaBreaches\""), "plots DermRelay/SlaBreaches");
  }

  @Test
  void everyAlarmNotifiesTheEncryptedAlarmTopic() {
    Map<String, Object> topic = dev.refTo(dev.stacks.api().monitoring().alarmTopic());
    dev.api.allResourcesProperties(ALARM, Map.of("AlarmActions", List.of(topic), "OKActions", List.of(topic)));
    dev.api.hasResourceProperties("AWS::SNS::Topic", Map.of(
        "KmsMasterKeyId", dev.arnOf(dev.stacks.api().operationsKey().key())));
    dev.api.hasOutput(ApiStack.ALARM_TOPIC_OUTPUT, Map.of("Value", topic));
  }

  @Test
  void aDashboardShowsTheRegion() {
    dev.api.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "dermrelay-dev-operations"));
    SynthesizedStage.prod().api.hasResourceProperties("AWS::CloudWatch::Dashboard",
        Map.of("DashboardName", "dermrelay-prod-eu-central-1-operations"));
  }
}
