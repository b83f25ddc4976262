package com.dermrelay.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The workflows of a region ({@link WorkflowTasks#ALL}): each one's task functions and its Standard
 * state machine, the tenant data role the tasks assume, their alarms, and the region's alarm topic.
 * Apart from the API stack so that neither nears CloudFormation's 500 resources per stack; the API
 * stack depends on this one (its functions start executions and end waits), never the reverse.
 *
 * <p>A workflow is built only when the jars hold every one of its task handlers (the case
 * workflow's are in the functions jar, EHR delivery's in the FHIR jar); until then synthesis shows
 * the warning {@value #WORKFLOW_SKIPPED_WARNING} naming the missing classes. Every function gets
 * the case workflow's ARN, and the EHR delivery workflow's where it is deployed, predicted from
 * their fixed names: a reference would be a cycle wherever a task calls its own workflow.
 */
public final class WorkflowStack extends Stack {

  /** Id of the synth warning shown while a workflow's task handlers are missing from the jars. */
  public static final String WORKFLOW_SKIPPED_WARNING = "@dermrelay/workflow:taskHandlersMissing";

  private final OperationsKey operationsKey;
  private final Functions functions;
  private final TenantDataAccess tenantAccess;
  private final Map<WorkflowTasks, WorkflowStateMachine> stateMachines = new LinkedHashMap<>();
  private final Monitoring monitoring;

  public WorkflowStack(Construct scope, String id, StackProps props, StageConfig config, DataStack data,
      IdentityStack identity, DeploymentJars jars, String version) {
    super(scope, id, props);
    this.operationsKey = new OperationsKey(this, "OperationsKey", config);

    List<WorkflowTasks> deployed = new ArrayList<>();
    for (WorkflowTasks workflow : WorkflowTasks.ALL) {
      List<String> missing = workflow.missingFrom(jars);
      if (missing.isEmpty()) {
        deployed.add(workflow);
      } else {
        Annotations.of(this).addWarningV2(WORKFLOW_SKIPPED_WARNING + ":" + workflow.name(), "The "
            + workflow.name() + " workflow is not deployed: the jars lack its task handlers " + missing
            + " (WorkflowTasks). Starting one of its executions fails until they exist");
      }
    }
    List<String> taskHandlers = deployed.stream().flatMap(w -> w.handlers().values().stream()).toList();
    this.functions = new Functions(this, "Functions", jars, Functions.callers(List.of(), taskHandlers),
        functionEnvironment(this, config, data, identity, version, deployed), operationsKey.key());
    this.tenantAccess = TenantDataAccess.forSessionsOf(this, "TenantDataAccess", functions, data);
    ProfileGrants.grant(functions, grantTargets(this, config, data, identity, deployed));

    this.monitoring = new Monitoring(this, "Monitoring", config, operationsKey.key());
    monitoring.watchFunctions(functions);
    for (WorkflowTasks workflow : deployed) {
      WorkflowStateMachine machine = new WorkflowStateMachine(this, workflow.idPrefix() + "Workflow", config, workflow, functions,
          operationsKey.key());
      stateMachines.put(workflow, machine);
      monitoring.watchWorkflow(machine);
    }
    if (stateMachines.containsKey(WorkflowTasks.CASE)) {
      monitoring.watchSlaBreaches();
    }
    functions.requireEveryFunctionIsCalled(List.of(), taskHandlers);
  }

  /**
   * The variables every function of a compute stack gets: the stage's resources and the ARNs of
   * the workflows in {@code deployed} (the case workflow's always: its functions fail clearly
   * without it, while no EHR ARN means the clinic's answers are not sent to an EHR).
   */
  static Map<String, String> functionEnvironment(Stack stack, StageConfig config, DataStack data, IdentityStack identity,
      String version, List<WorkflowTasks> deployed) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(Functions.ENV_TABLE, data.table().getTableName());
    environment.put(Functions.ENV_MEDIA_BUCKET, data.mediaBucket().getBucketName());
    for (WorkflowTasks workflow : WorkflowTasks.ALL) {
      if (workflow == WorkflowTasks.CASE || deployed.contains(workflow)) {
        environment.put(workflow.arnVariable(), workflow.arnIn(stack, config));
      }
    }
    environment.put(Functions.ENV_VERSION, version);
    environment.put(Functions.ENV_SERVICE_NAME, Functions.SERVICE_NAME);
    environment.put(Functions.ENV_USER_POOL_ID, identity.users().userPool().getUserPoolId());
    environment.put(Functions.ENV_PORTAL_CLIENT_ID, identity.users().portalClient().getUserPoolClientId());
    environment.put(Functions.ENV_PORTAL_URL, config.portalOrigins().get(0));
    config.senderDomain().ifPresent(domain -> environment.put(Functions.ENV_MAIL_FROM, "no-reply@" + domain));
    return environment;
  }

  static ProfileGrants.Targets grantTargets(Stack stack, StageConfig config, DataStack data, IdentityStack identity,
      List<WorkflowTasks> deployed) {
    return new ProfileGrants.Targets(config, data, identity.users().userPool().getUserPoolArn(),
        WorkflowTasks.CASE.arnIn(stack, config),
        deployed.contains(WorkflowTasks.EHR_DELIVERY)
            ? Optional.of(WorkflowTasks.EHR_DELIVERY.arnIn(stack, config)) : Optional.empty());
  }

  /** The workflows deployed in this region, in {@link WorkflowTasks#ALL} order. */
  public List<WorkflowTasks> deployed() {
    return List.copyOf(stateMachines.keySet());
  }

  /** The state machine of {@code workflow}, when it is deployed. */
  public Optional<WorkflowStateMachine> stateMachine(WorkflowTasks workflow) {
    return Optional.ofNullable(stateMachines.get(workflow));
  }

  public Functions functions() {
    return functions;
  }

  /** The tenant data role of the task functions, or null when none needs a tenant session. */
  public TenantDataAccess tenantAccess() {
    return tenantAccess;
  }

  public Monitoring monitoring() {
    return monitoring;
  }

  public OperationsKey operationsKey() {
    return operationsKey;
  }
}
