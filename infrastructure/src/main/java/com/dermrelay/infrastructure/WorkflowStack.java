package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * Workflows of a region ({@link WorkflowTasks}): each one's task functions and its Standard state
 * machine, the tenant data role the tasks assume and their alarms. A workflow deploys in the stack
 * its definition names ({@link WorkflowTasks#stack()}): the first one, {@code -workflow}, holds the
 * case and EHR delivery workflows, the region's alarm topic and the operations key of every
 * workflow stack; every other workflow has a stack of its own, {@code -workflow-<name>}, above it.
 * Apart from the API's stacks so that none nears CloudFormation's 500 resources per stack; the API
 * stacks depend on these (their functions start executions and end waits), never the reverse.
 *
 * <p>A workflow is built only when the jars hold every one of its task handlers (the case
 * workflow's are in the functions jar, EHR delivery's in the FHIR jar); until then synthesis shows
 * the warning {@value #WORKFLOW_SKIPPED_WARNING} on the first workflow stack naming the missing
 * classes. Every function gets the case workflow's ARN, and each other workflow's where it is
 * deployed, predicted from their fixed names: a reference would be a cycle wherever a task calls
 * its own workflow.
 */
public final class WorkflowStack extends Stack {

  /** Id of the synth warning shown while a workflow's task handlers are missing from the jars. */
  public static final String WORKFLOW_SKIPPED_WARNING = "@dermrelay/workflow:taskHandlersMissing";

  /** How often the reconciler runs. */
  public static final int RECONCILE_EVERY_MINUTES = 15;

  private final Optional<OperationsKey> operationsKey;
  private final IKey logKey;
  private final Functions functions;
  private final TenantDataAccess tenantAccess;
  private final Map<WorkflowTasks, WorkflowStateMachine> stateMachines = new LinkedHashMap<>();
  private final Monitoring monitoring;

  /**
   * @param hosted the deployable workflows of this stack (their task handlers are all in the jars)
   * @param told the workflows every function is told of ({@link #toldOf}), for the environment and
   *     grants
   * @param shared the first workflow stack, whose alarm topic and key this one uses; empty for that
   *     stack
   */
  public WorkflowStack(
      Construct scope,
      String id,
      StackProps props,
      StageConfig config,
      DataStack data,
      IdentityStack identity,
      DeploymentJars jars,
      String version,
      List<WorkflowTasks> hosted,
      List<WorkflowTasks> told,
      Optional<WorkflowStack> shared) {
    super(scope, id, props);
    shared.ifPresent(this::addStackDependency);
    this.operationsKey =
        shared.isEmpty()
            ? Optional.of(new OperationsKey(this, "OperationsKey", config))
            : Optional.empty();
    this.logKey =
        operationsKey.map(OperationsKey::key).orElseGet(() -> shared.orElseThrow().logKey());

    List<String> taskHandlers =
        hosted.stream().flatMap(w -> w.handlers().values().stream()).toList();
    Map<String, Functions.Caller> callers = Functions.callers(List.of(), taskHandlers);
    boolean reconciles = hosted.contains(WorkflowTasks.CASE);
    if (reconciles) {
      callers.put(FunctionProfile.RECONCILER_HANDLER, Functions.Caller.SCHEDULE);
    }
    this.functions =
        new Functions(
            this,
            "Functions",
            jars,
            callers,
            functionEnvironment(this, config, data, identity, version, told),
            logKey);
    this.tenantAccess = TenantDataAccess.forSessionsOf(this, "TenantDataAccess", functions, data);
    ProfileGrants.grant(functions, grantTargets(this, config, data, identity, told));

    this.monitoring =
        shared.isEmpty()
            ? new Monitoring(this, "Monitoring", config, logKey)
            : new Monitoring(this, "Monitoring", shared.get().monitoring().alarmTopic());
    monitoring.watchFunctions(functions);
    for (WorkflowTasks workflow : hosted) {
      WorkflowStateMachine machine =
          new WorkflowStateMachine(
              this, workflow.idPrefix() + "Workflow", config, workflow, functions, logKey);
      stateMachines.put(workflow, machine);
      monitoring.watchWorkflow(machine);
    }
    if (stateMachines.containsKey(WorkflowTasks.CASE)) {
      monitoring.watchSlaBreaches();
    }
    if (reconciles) {
      // Stranded cases re-driven (decision 0024); a run takes seconds, so runs never overlap.
      Rule.Builder.create(this, "ReconcilerSchedule")
          .description("Re-drives cases whose workflow execution was lost (decision 0024)")
          .schedule(Schedule.rate(Duration.minutes(RECONCILE_EVERY_MINUTES)))
          .targets(
              List.of(
                  LambdaFunction.Builder.create(
                          functions.forHandler(FunctionProfile.RECONCILER_HANDLER).alias())
                      .retryAttempts(0)
                      .build()))
          .build();
    }
    functions.requireEveryFunctionIsCalled(List.of(), taskHandlers);
  }

  /**
   * Shows, on this stack, the synth warning for a workflow left out because the jars lack {@code
   * missing}.
   */
  void warnNotDeployed(WorkflowTasks workflow, List<String> missing) {
    Annotations.of(this)
        .addWarningV2(
            WORKFLOW_SKIPPED_WARNING + ":" + workflow.name(),
            "The "
                + workflow.name()
                + " workflow is not deployed: the jars lack its task handlers "
                + missing
                + " (WorkflowTasks). Starting one of its executions fails until they exist");
  }

  /**
   * The workflows of {@code all} that functions are told of (an ARN in their environment, the
   * grants their profiles ask for): the case workflow always (its functions fail clearly without
   * it), the others where they are deployed (without an ARN, e.g. no EHR delivery, the feature is
   * off).
   */
  static List<WorkflowTasks> toldOf(List<WorkflowTasks> all, List<WorkflowTasks> deployed) {
    return all.stream().filter(w -> w == WorkflowTasks.CASE || deployed.contains(w)).toList();
  }

  /**
   * The variables every function of a compute stack gets: the stage's resources and the ARNs of
   * {@code told}.
   */
  static Map<String, String> functionEnvironment(
      Stack stack,
      StageConfig config,
      DataStack data,
      IdentityStack identity,
      String version,
      List<WorkflowTasks> told) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(Functions.ENV_TABLE, data.table().getTableName());
    environment.put(Functions.ENV_MEDIA_BUCKET, data.mediaBucket().getBucketName());
    for (WorkflowTasks workflow : told) {
      environment.put(workflow.arnVariable(), workflow.arnIn(stack, config));
    }
    environment.put(Functions.ENV_VERSION, version);
    environment.put(Functions.ENV_SERVICE_NAME, Functions.SERVICE_NAME);
    environment.put(Functions.ENV_USER_POOL_ID, identity.users().userPool().getUserPoolId());
    environment.put(
        Functions.ENV_PORTAL_CLIENT_ID, identity.users().portalClient().getUserPoolClientId());
    environment.put(Functions.ENV_PORTAL_URL, config.portalOrigins().get(0));
    config
        .senderDomain()
        .ifPresent(domain -> environment.put(Functions.ENV_MAIL_FROM, "no-reply@" + domain));
    return environment;
  }

  static ProfileGrants.Targets grantTargets(
      Stack stack,
      StageConfig config,
      DataStack data,
      IdentityStack identity,
      List<WorkflowTasks> told) {
    Map<WorkflowTasks, String> arns = new LinkedHashMap<>();
    told.forEach(workflow -> arns.put(workflow, workflow.arnIn(stack, config)));
    return new ProfileGrants.Targets(
        config, data, identity.users().userPool().getUserPoolArn(), arns);
  }

  /** The workflows deployed in this stack. */
  public List<WorkflowTasks> deployed() {
    return List.copyOf(stateMachines.keySet());
  }

  /** The state machine of {@code workflow}, when it is deployed in this stack. */
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

  /** The key of this stack's log groups (and, in the first workflow stack, of the alarm topic). */
  public IKey logKey() {
    return logKey;
  }

  /** The operations key, which the first workflow stack owns; the others use it. */
  public Optional<OperationsKey> operationsKey() {
    return operationsKey;
  }
}
