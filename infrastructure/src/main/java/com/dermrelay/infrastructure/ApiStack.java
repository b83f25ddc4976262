package com.dermrelay.infrastructure;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The HTTP side of a region: one function per handler of the contract, the HTTP API routed from it,
 * notification sending and the alarms and dashboard of its functions. Stateless apart from log
 * groups, so it can be replaced freely; the data and the accounts live in {@link DataStack} and
 * {@link IdentityStack}, the workflows, their task functions and the alarm topic in
 * {@link WorkflowStack}, which this stack depends on.
 */
public final class ApiStack extends Stack {

  public static final String API_URL_OUTPUT = "ApiUrl";
  public static final String ALARM_TOPIC_OUTPUT = "AlarmTopicArn";

  private final Functions functions;
  private final ContractHttpApi api;
  private final TenantDataAccess tenantAccess;
  private final Notifications notifications;
  private final Monitoring monitoring;
  private final OperationsKey operationsKey;

  public ApiStack(Construct scope, String id, StackProps props, StageConfig config, DataStack data,
      IdentityStack identity, WorkflowStack workflows, ApiSpec spec, DeploymentJars jars, String version) {
    super(scope, id, props);
    // Deployed first: the functions start executions of its state machines and end their waits.
    addStackDependency(workflows);
    this.operationsKey = new OperationsKey(this, "OperationsKey", config);
    List<WorkflowTasks> deployed = workflows.deployed();
    this.functions = new Functions(this, "Functions", jars, Functions.callers(spec.handlers(), List.of()),
        WorkflowStack.functionEnvironment(this, config, data, identity, version, deployed), operationsKey.key());
    this.tenantAccess = TenantDataAccess.forSessionsOf(this, "TenantDataAccess", functions, data);
    this.notifications = new Notifications(this, "Notifications", config);
    ProfileGrants.grant(functions, WorkflowStack.grantTargets(this, config, data, identity, deployed));

    this.api = new ContractHttpApi(this, "Api", config, spec, functions, identity.users().userPool(),
        identity.users().portalClient(), operationsKey.key());
    this.monitoring = new Monitoring(this, "Monitoring", workflows.monitoring().alarmTopic());
    monitoring.watchFunctions(functions);
    monitoring.watchRegion(api.api(), data.table());
    monitoring.addDashboard(config.stackPrefix() + "-operations", List.of(workflows.monitoring()));
    functions.requireEveryFunctionIsCalled(spec.handlers(), List.of());

    // With its own domain the execute-api endpoint is switched off (ContractHttpApi).
    String apiUrl = config.domains().api().map(d -> "https://" + d.name()).orElseGet(() -> api.api().getApiEndpoint());
    CfnOutput.Builder.create(this, API_URL_OUTPUT).value(apiUrl)
        .description("The HTTP API's endpoint (the portal's CloudFront address serves it too)").build();
    CfnOutput.Builder.create(this, ALARM_TOPIC_OUTPUT).value(monitoring.alarmTopic().getTopicArn())
        .description("Subscribe the on-call to this topic (it lives in the workflow stack)").build();
  }

  public Functions functions() {
    return functions;
  }

  public ContractHttpApi api() {
    return api;
  }

  /** The tenant data role of the API's functions, or null when none needs a tenant session. */
  public TenantDataAccess tenantAccess() {
    return tenantAccess;
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
