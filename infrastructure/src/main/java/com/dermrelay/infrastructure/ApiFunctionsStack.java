package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The operations of one capability ({@link ApiOperation#capability()}: the package of their
 * handlers, e.g. {@code review}), as the stack {@code -api-<capability>}: one function per handler,
 * named {@code <prefix>-<SimpleName>} ({@link Functions#functionName}), each with its route,
 * integration and invoke permission on the region's HTTP API ({@link ContractRoutes}), its error
 * alarm, and the tenant data role its functions assume. The contract decides the stacks: an
 * operation of a new capability package gets a new stack, one of an existing package lands in that
 * package's, and no list names them.
 *
 * <p>It refers to the {@link ApiStack} below it (the API's and the authorizer's ids, the log key),
 * to the first {@link WorkflowStack} (the alarm topic), and to the data and identity stacks, all
 * values that never change; nothing refers to it. So adding or removing an operation changes only
 * this stack, and no CloudFormation export is ever held by it.
 */
public final class ApiFunctionsStack extends Stack {

  /** The stack's name after the region's prefix: {@code api-<capability>}. */
  public static String stackPart(String capability) {
    return "api-" + capability;
  }

  private final String capability;
  private final List<ApiOperation> operations;
  private final Functions functions;
  private final TenantDataAccess tenantAccess;
  private final ContractRoutes routes;
  private final Monitoring monitoring;

  /**
   * @param operations the contract's operations of {@code capability}
   * @param told the workflows the functions are told of ({@link WorkflowStack#toldOf})
   */
  public ApiFunctionsStack(
      Construct scope,
      String id,
      StackProps props,
      StageConfig config,
      DataStack data,
      IdentityStack identity,
      WorkflowStack sharedWorkflows,
      ApiStack api,
      String capability,
      List<ApiOperation> operations,
      List<WorkflowTasks> told,
      DeploymentJars jars,
      String version) {
    super(scope, id, props);
    this.capability = capability;
    this.operations = List.copyOf(operations);
    addStackDependency(api);
    List<String> handlers = operations.stream().map(ApiOperation::handler).distinct().toList();
    if (handlers.stream()
        .anyMatch(handler -> !ApiOperation.capabilityOf(handler).equals(capability))) {
      throw new IllegalArgumentException(
          "Not all of " + handlers + " are handlers of the capability " + capability);
    }
    this.functions =
        new Functions(
            this,
            "Functions",
            jars,
            Functions.callers(handlers, List.of()),
            WorkflowStack.functionEnvironment(this, config, data, identity, version, told),
            api.operationsKey().key(),
            Optional.of(config.resourcePrefix()));
    this.tenantAccess = TenantDataAccess.forSessionsOf(this, "TenantDataAccess", functions, data);
    ProfileGrants.grant(functions, WorkflowStack.grantTargets(this, config, data, identity, told));
    this.routes = new ContractRoutes(this, "Routes", api.api(), operations, functions);
    this.monitoring = new Monitoring(this, "Monitoring", sharedWorkflows.monitoring().alarmTopic());
    monitoring.watchFunctions(functions);
    functions.requireEveryFunctionIsCalled(handlers, List.of());
  }

  /** The package segment the stack is named after, e.g. {@code review}. */
  public String capability() {
    return capability;
  }

  /** The contract's operations this stack routes, in contract order. */
  public List<ApiOperation> operations() {
    return operations;
  }

  public Functions functions() {
    return functions;
  }

  /** The tenant data role of this stack's functions, or null when none needs a tenant session. */
  public TenantDataAccess tenantAccess() {
    return tenantAccess;
  }

  public ContractRoutes routes() {
    return routes;
  }

  public Monitoring monitoring() {
    return monitoring;
  }

  /** This stack's functions by name, for the region's dashboard in the API stack below. */
  Monitoring.NamedFunctions namedFunctions() {
    return new Monitoring.NamedFunctions(
        stackPart(capability), functions.all().stream().map(d -> d.name().orElseThrow()).toList());
  }
}
