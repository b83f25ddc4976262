package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class MonitoringTest {

  private static final String ALARM = "AWS::CloudWatch::Alarm";

  private final SynthesizedStage dev = SynthesizedStage.dev();
  private final SynthesizedStage complete = SynthesizedStage.withWorkflow();

  @Test
  void everyFunctionHasAnErrorAlarmBesideItAndTheRegionAThrottleAlarm() {
    for (SynthesizedStage stage : List.of(dev, complete)) {
      for (ApiFunctionsStack operations : stage.stacks.operations()) {
        assertErrorAlarms(stage, operations.functions(), stage.templateOf(operations));
      }
      assertErrorAlarms(stage, stage.stacks.workflow().functions(), stage.workflow);
      stage.api.hasResourceProperties(
          ALARM,
          Map.of(
              "Namespace", "AWS/Lambda", "MetricName", "Throttles", "Dimensions", Match.absent()));
    }
    // Every workflow task function and the scheduled reconciler: each one has its alarm above.
    assertEquals(
        WorkflowTasks.ALL.stream().mapToInt(w -> w.tasks().size()).sum() + 1,
        complete.stacks.workflow().functions().all().size(),
        "the task functions of every workflow, and the reconciler");
  }

  @Test
  void theApiAlarmsOn5xxAndTheTableOnThrottling() {
    dev.api.hasResourceProperties(
        ALARM, Map.of("Namespace", "AWS/ApiGateway", "MetricName", "5xx"));
    dev.api.hasResourceProperties(
        ALARM,
        Map.of(
            "Metrics",
            Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "reads + writes"))))));
  }

  @Test
  void anSlaBreachInAQuarterHourRaisesTheAlarm() {
    // The case workflow's Escalate step logs the metric, so the alarm comes with that workflow.
    dev.workflow.hasResourceProperties(
        ALARM,
        Map.of(
            "Namespace",
            "DermRelay",
            "MetricName",
            "SlaBreaches",
            "Statistic",
            "Sum",
            "Period",
            900,
            "EvaluationPeriods",
            1,
            "Threshold",
            1,
            "ComparisonOperator",
            "GreaterThanOrEqualToThreshold",
            "TreatMissingData",
            "notBreaching",
            "Dimensions",
            Match.absent()));
  }

  @Test
  void everyAlarmOfEveryStackNotifiesTheOneEncryptedAlarmTopic() {
    Map<String, Object> topic = dev.refTo(dev.stacks.workflow().monitoring().alarmTopic());
    dev.workflow.allResourcesProperties(
        ALARM, Map.of("AlarmActions", List.of(topic), "OKActions", List.of(topic)));
    dev.workflow.hasResourceProperties(
        "AWS::SNS::Topic", Map.of("KmsMasterKeyId", dev.arnOf(dev.stacks.workflow().logKey())));
    dev.workflow.resourceCountIs("AWS::SNS::Topic", 1);
    // The API's stacks' alarms, and the API stack's output, import the same topic from the workflow
    // stack.
    Object imported =
        Map.of("Fn::ImportValue", Match.stringLikeRegexp("dermrelay-dev-workflow:.*AlarmTopic.*"));
    dev.api.resourceCountIs("AWS::SNS::Topic", 0);
    dev.api.allResourcesProperties(
        ALARM, Map.of("AlarmActions", List.of(imported), "OKActions", List.of(imported)));
    dev.api.hasOutput(ApiStack.ALARM_TOPIC_OUTPUT, Map.of("Value", imported));
    for (ApiFunctionsStack operations : dev.stacks.operations()) {
      Template template = dev.templateOf(operations);
      template.resourceCountIs("AWS::SNS::Topic", 0);
      template.allResourcesProperties(
          ALARM, Map.of("AlarmActions", List.of(imported), "OKActions", List.of(imported)));
    }
    SynthesizedStage next = SynthesizedStage.nextRound();
    for (WorkflowStack workflows :
        next.stacks.workflows().subList(1, next.stacks.workflows().size())) {
      next.templateOf(workflows)
          .allResourcesProperties(ALARM, Map.of("AlarmActions", List.of(imported)));
    }
  }

  @Test
  void oneDashboardShowsTheRegionWithEveryStacksFunctionsAndTheWorkflows() {
    complete.api.hasResourceProperties(
        "AWS::CloudWatch::Dashboard", Map.of("DashboardName", "dermrelay-dev-operations"));
    complete.workflow.resourceCountIs("AWS::CloudWatch::Dashboard", 0);
    // The body is an Fn::Join of JSON fragments (it names functions by reference): read it as text.
    String dashboard = complete.api.findResources("AWS::CloudWatch::Dashboard").toString();
    List<String> titles =
        new java.util.ArrayList<>(
            List.of(
                "Lambda errors and throttles, every function in the region",
                "Lambda errors: workflow",
                "API latency p99",
                "Failures: case workflow",
                "Failures: ehr-delivery workflow",
                "SLA breaches"));
    complete
        .stacks
        .operations()
        .forEach(operations -> titles.add("Lambda errors: api-" + operations.capability()));
    for (String title : titles) {
      assertTrue(dashboard.contains("\"title\":\"" + title + "\""), title);
    }
    assertTrue(dashboard.contains("[\"DermRelay\",\"SlaBreaches\""), "plots DermRelay/SlaBreaches");
    String sendToEhr =
        complete.logicalId(
            complete
                .stacks
                .workflow()
                .functions()
                .forHandler(WorkflowTasks.EHR_DELIVERY.handlerOf("SendToEhr"))
                .function());
    assertTrue(
        dashboard.contains(sendToEhr), "graphs the workflow stack's functions (imported by name)");
    // The API's functions by their names: the dashboard's stack is below theirs and imports nothing
    // of them.
    for (Functions.DeployedFunction deployed : complete.apiFunctions()) {
      assertTrue(
          dashboard.contains("\"FunctionName\",\"" + deployed.name().orElseThrow() + "\""),
          deployed.handlerClass());
    }
    assertTrue(
        !complete.api.toJSON().toString().contains("dermrelay-dev-api-"),
        "imports nothing of a capability stack");
    SynthesizedStage.prod()
        .api
        .hasResourceProperties(
            "AWS::CloudWatch::Dashboard",
            Map.of("DashboardName", "dermrelay-prod-eu-central-1-operations"));
  }

  private static void assertErrorAlarms(
      SynthesizedStage stage, Functions functions, Template template) {
    for (Functions.DeployedFunction deployed : functions.all()) {
      template.hasResourceProperties(
          ALARM,
          Map.of(
              "Namespace",
              "AWS/Lambda",
              "MetricName",
              "Errors",
              "Dimensions",
              List.of(Map.of("Name", "FunctionName", "Value", stage.refTo(deployed.function())))));
    }
  }
}
