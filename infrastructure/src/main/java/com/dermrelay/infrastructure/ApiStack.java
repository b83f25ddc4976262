package com.dermrelay.infrastructure;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The HTTP side of a region that every operation shares: the HTTP API with its authorizer and
 * stage, notification sending, the region-wide alarms and the region's dashboard. The operations'
 * functions and routes are in the capability stacks above it ({@link ApiFunctionsStack}), which
 * refer to this one by the API's and the authorizer's ids and the log key; nothing here refers to
 * them, so an operation comes and goes in its capability's stack alone. Stateless apart from log
 * groups; the data and the accounts live in {@link DataStack} and {@link IdentityStack}, the
 * workflows and the alarm topic in the {@link WorkflowStack}s, which this stack depends on.
 */
public final class ApiStack extends Stack {

  public static final String API_URL_OUTPUT = "ApiUrl";
  public static final String ALARM_TOPIC_OUTPUT = "AlarmTopicArn";

  private final StageConfig config;
  private final ContractHttpApi api;
  private final Notifications notifications;
  private final Monitoring monitoring;
  private final OperationsKey operationsKey;
  private final List<WorkflowStack> workflows;

  /**
   * @param workflows every workflow stack of the region, the first one (with the alarm topic) first
   */
  public ApiStack(
      Construct scope,
      String id,
      StackProps props,
      StageConfig config,
      DataStack data,
      IdentityStack identity,
      List<WorkflowStack> workflows) {
    super(scope, id, props);
    this.config = config;
    this.workflows = List.copyOf(workflows);
    // Deployed first: the functions above start executions of their state machines and end their
    // waits.
    workflows.forEach(this::addStackDependency);
    this.operationsKey = new OperationsKey(this, "OperationsKey", config);
    this.api =
        new ContractHttpApi(
            this,
            "Api",
            config,
            identity.users().userPool(),
            identity.users().portalClient(),
            operationsKey.key());
    this.notifications = new Notifications(this, "Notifications", config);
    this.monitoring =
        new Monitoring(this, "Monitoring", workflows.get(0).monitoring().alarmTopic());
    monitoring.watchRegion(api.api(), data.table());

    // With its own domain the execute-api endpoint is switched off (ContractHttpApi).
    String apiUrl =
        config
            .domains()
            .api()
            .map(d -> "https://" + d.name())
            .orElseGet(() -> api.api().getApiEndpoint());
    CfnOutput.Builder.create(this, API_URL_OUTPUT)
        .value(apiUrl)
        .description("The HTTP API's endpoint (the portal's CloudFront address serves it too)")
        .build();
    CfnOutput.Builder.create(this, ALARM_TOPIC_OUTPUT)
        .value(monitoring.alarmTopic().getTopicArn())
        .description("Subscribe the on-call to this topic (it lives in the workflow stack)")
        .build();
  }

  /**
   * The region's dashboard, once the capability stacks exist: the workflow stacks' functions and
   * state machines (by reference: those stacks are below this one) and the API's functions by name,
   * which refers to nothing in their stacks.
   */
  void addDashboard(List<ApiFunctionsStack> operations) {
    monitoring.addDashboard(
        config.stackPrefix(),
        workflows.stream().map(WorkflowStack::monitoring).toList(),
        operations.stream().map(ApiFunctionsStack::namedFunctions).toList());
  }

  public ContractHttpApi api() {
    return api;
  }

  public Notifications notifications() {
    return notifications;
  }

  public Monitoring monitoring() {
    return monitoring;
  }

  public OperationsKey operationsKey() {
    return operationsKey;
  }
}
