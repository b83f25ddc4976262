package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * One workflow ({@link WorkflowTasks}) as a Standard state machine named {@code <prefix>-<name>},
 * from the same ASL file the local stack runs, each {@code ${<Task>FunctionArn}} substituted with
 * the ARN of that task's {@code live} alias (docs/workflow.md).
 *
 * <p>Logging is level ALL <em>without</em> execution data: every state's entry, exit and error
 * event reaches the log group (cdk-nag's SF1 asks for ALL, and the timings are what an incident
 * needs), but no input or output. The inputs hold only ids today; leaving data out keeps it so if a
 * function's error {@code Cause} ever carried more. X-Ray tracing is on. The role may invoke the
 * task aliases and nothing else of Lambda.
 */
public final class WorkflowStateMachine extends Construct {

  private final WorkflowTasks workflow;
  private final StateMachine stateMachine;
  private final Map<String, String> substitutions = new LinkedHashMap<>();

  /**
   * @param functions must hold a function for every task handler of {@code workflow}
   * @param logKey encrypts the execution log group
   */
  public WorkflowStateMachine(
      Construct scope,
      String id,
      StageConfig config,
      WorkflowTasks workflow,
      Functions functions,
      IKey logKey) {
    super(scope, id);
    this.workflow = workflow;
    List<Functions.DeployedFunction> tasks =
        workflow.handlers().values().stream().map(functions::forHandler).toList();
    List<String> names = workflow.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      substitutions.put(
          WorkflowTasks.substitutionKey(names.get(i)), tasks.get(i).alias().getFunctionArn());
    }

    String name = workflow.stateMachineName(config);
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs")
            // Under /aws/vendedlogs/ so that the log delivery's resource policy stays small.
            .logGroupName("/aws/vendedlogs/states/" + name)
            .retention(Functions.LOG_RETENTION)
            .encryptionKey(logKey)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    Role role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("states.amazonaws.com"))
            .description("DermRelay " + workflow.name() + " workflow: invokes its task functions")
            .build();
    role.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .sid("InvokeTaskFunctions")
            .actions(List.of("lambda:InvokeFunction"))
            .resources(tasks.stream().map(task -> task.alias().getFunctionArn()).toList())
            .build());

    this.stateMachine =
        StateMachine.Builder.create(this, "StateMachine")
            .stateMachineName(name)
            .stateMachineType(StateMachineType.STANDARD)
            .definitionBody(DefinitionBody.fromString(workflow.asl()))
            .definitionSubstitutions(substitutions)
            .role(role)
            .logs(
                LogOptions.builder()
                    .destination(logs)
                    .level(LogLevel.ALL)
                    .includeExecutionData(false)
                    .build())
            .tracingEnabled(true)
            .build();

    NagSuppression.suppress(
        role,
        "AwsSolutions-IAM5",
        List.of("Resource::*"),
        "Step Functions' log delivery actions (logs:CreateLogDelivery and friends) and X-Ray's "
            + "PutTraceSegments have no resource-level permissions; Lambda is limited to the task aliases");
    NagSuppression.suppress(
        role,
        "HIPAA.Security-IAMNoInlinePolicy",
        "The workflow's role is its own and its policy belongs to that role alone; a managed policy would be "
            + "the same statements under a second name");
  }

  public WorkflowTasks workflow() {
    return workflow;
  }

  public StateMachine stateMachine() {
    return stateMachine;
  }

  /** The definition substitutions: {@code <Task>FunctionArn} to the task alias's ARN (a token). */
  public Map<String, String> substitutions() {
    return Map.copyOf(substitutions);
  }
}
