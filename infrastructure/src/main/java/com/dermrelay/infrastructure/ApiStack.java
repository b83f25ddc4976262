package com.dermrelay.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The compute of a region: one function per handler of the contract, the HTTP API routed from it,
 * the tenant data role, notification permissions and monitoring. Stateless apart from log groups,
 * so it can be replaced freely; the data and the accounts live in {@link DataStack} and
 * {@link IdentityStack}.
 *
 * <p>The case workflow ({@link CaseWorkflow}) is built only when the functions jar holds every task
 * handler of {@link WorkflowTasks}; until then (issue 4 writes them) the stack has no state machine
 * and synthesis shows a warning naming the missing handlers. The functions get the workflow's ARN
 * predicted from its fixed name either way: a reference to the state machine would be a cycle
 * (state machine, task alias, function, environment).
 */
public final class ApiStack extends Stack {

  public static final String API_URL_OUTPUT = "ApiUrl";
  public static final String ALARM_TOPIC_OUTPUT = "AlarmTopicArn";
  /** Id of the synth warning shown while the task handlers are missing from the functions jar. */
  public static final String WORKFLOW_SKIPPED_WARNING = "@dermrelay/workflow:taskHandlersMissing";

  private final Functions functions;
  private final ContractHttpApi api;
  private final TenantDataAccess tenantAccess;
  private final Notifications notifications;
  private final Monitoring monitoring;
  private final OperationsKey operationsKey;
  private final String caseWorkflowArn;
  private final CaseWorkflow caseWorkflow;

  public ApiStack(Construct scope, String id, StackProps props, StageConfig config, DataStack data,
      IdentityStack identity, ApiSpec spec, FunctionsJar jar, String version) {
    super(scope, id, props);
    this.operationsKey = new OperationsKey(this, "OperationsKey", config);
    // The state machine's name is fixed, so its ARN is known before it exists.
    this.caseWorkflowArn = formatArn(ArnComponents.builder()
        .service("states").resource("stateMachine").resourceName(config.resourcePrefix() + "-case")
        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());

    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(Functions.ENV_TABLE, data.table().getTableName());
    environment.put(Functions.ENV_MEDIA_BUCKET, data.mediaBucket().getBucketName());
    environment.put(Functions.ENV_CASE_WORKFLOW_ARN, caseWorkflowArn);
    environment.put(Functions.ENV_VERSION, version);
    environment.put(Functions.ENV_SERVICE_NAME, Functions.SERVICE_NAME);
    environment.put(Functions.ENV_USER_POOL_ID, identity.users().userPool().getUserPoolId());
    environment.put(Functions.ENV_PORTAL_CLIENT_ID, identity.users().portalClient().getUserPoolClientId());
    environment.put(Functions.ENV_PORTAL_URL, config.portalOrigins().get(0));
    config.senderDomain().ifPresent(domain -> environment.put(Functions.ENV_MAIL_FROM, "no-reply@" + domain));
    List<String> missingTasks = WorkflowTasks.missingFrom(jar);
    List<String> taskHandlers = missingTasks.isEmpty() ? List.copyOf(WorkflowTasks.handlers().values()) : List.of();
    this.functions = new Functions(this, "Functions", jar, Functions.callers(spec.handlers(), taskHandlers),
        environment, operationsKey.key());

    List<IRole> tenantCallers = functions.all().stream()
        .filter(d -> d.profile().has(FunctionProfile.Access.TENANT_SESSION)).map(d -> (IRole) d.role()).toList();
    if (tenantCallers.isEmpty()) {
      this.tenantAccess = null;
    } else {
      this.tenantAccess = new TenantDataAccess(this, "TenantDataAccess", data.table(), data.mediaBucket(),
          data.dataKey(), tenantCallers);
      // Only the functions that may assume the role learn its ARN: the data layer uses tenant
      // sessions exactly when the variable is set (core.data.TenantCredentials).
      functions.all().stream().filter(d -> d.profile().has(FunctionProfile.Access.TENANT_SESSION))
          .forEach(d -> d.function().addEnvironment(Functions.ENV_TENANT_ROLE_ARN, tenantAccess.role().getRoleArn()));
      tenantAccess.role().addToPrincipalPolicy(AuditAppendOnly.denyChanges(data.table()));
      NagSuppression.suppress(tenantAccess.role(), "HIPAA.Security-IAMNoInlinePolicy",
          "The audit trail's explicit deny (AuditAppendOnly) belongs to this role alone, beside its tested "
              + "tenant-scoped policy; a managed policy would be the same statement under a second name");
    }

    this.notifications = new Notifications(this, "Notifications", config);
    grantByProfile(data, identity.users().userPool().getUserPoolArn());

    this.api = new ContractHttpApi(this, "Api", config, spec, functions, identity.users().userPool(),
        identity.users().portalClient(), operationsKey.key());
    this.monitoring = new Monitoring(this, "Monitoring", config, functions, api.api(), data.table(),
        operationsKey.key());
    if (missingTasks.isEmpty()) {
      this.caseWorkflow = new CaseWorkflow(this, "CaseWorkflow", config, functions, operationsKey.key());
      monitoring.watchWorkflow(caseWorkflow.stateMachine());
    } else {
      this.caseWorkflow = null;
      Annotations.of(this).addWarningV2(WORKFLOW_SKIPPED_WARNING, "The case workflow is not deployed: the functions "
          + "jar lacks its task handlers " + missingTasks + " (WorkflowTasks). Starting a case fails until they exist");
    }
    functions.requireEveryFunctionIsCalled(spec.handlers(), taskHandlers);

    // With its own domain the execute-api endpoint is switched off (ContractHttpApi).
    String apiUrl = config.domains().api().map(d -> "https://" + d.name()).orElseGet(() -> api.api().getApiEndpoint());
    CfnOutput.Builder.create(this, API_URL_OUTPUT).value(apiUrl)
        .description("The HTTP API's endpoint (the portal's CloudFront address serves it too)").build();
    CfnOutput.Builder.create(this, ALARM_TOPIC_OUTPUT).value(monitoring.alarmTopic().getTopicArn())
        .description("Subscribe the on-call to this topic").build();
  }

  private void grantByProfile(DataStack data, String userPoolArn) {
    for (Functions.DeployedFunction deployed : functions.all()) {
      FunctionProfile profile = deployed.profile();
      if (profile.has(FunctionProfile.Access.TABLE_READ)
          || profile.has(FunctionProfile.Access.TABLE_WRITE)) {
        NagSuppression.suppressMatching(deployed.role(), "AwsSolutions-IAM5", List.of(
            "Resource::.*CasesTable[A-Za-z0-9]+.*\\/index\\/\\*",
            "Action::kms:(ReEncrypt|GenerateDataKey)\\*"),
            "CDK's table grant: the data layer queries this table's own indexes (gsi1, gsi2), and the "
                + "KMS actions apply to the table's customer key alone");
      }
      if (profile.has(FunctionProfile.Access.MEDIA_READ) || profile.has(FunctionProfile.Access.MEDIA_WRITE)
          || profile.has(FunctionProfile.Access.MEDIA_DELETE)) {
        NagSuppression.suppressMatching(deployed.role(), "AwsSolutions-IAM5", List.of(
            "Resource::.*MediaBucket[A-Za-z0-9]+.*\\/\\*",
            "Action::s3:(GetObject|GetBucket|List|Abort|DeleteObject)\\*",
            "Action::kms:(ReEncrypt|GenerateDataKey)\\*"),
            "CDK's bucket grants: photos are objects under <tenantId>/cases/<caseId>/, keys the "
                + "functions build from the tenant context, so the grant is on the bucket's objects; "
                + "the KMS actions apply to the bucket's customer key alone");
      }
      if (profile.has(FunctionProfile.Access.TABLE_READ)) {
        data.table().grantReadData(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.TABLE_WRITE)) {
        data.table().grantWriteData(deployed.role());
        deployed.role().addToPrincipalPolicy(AuditAppendOnly.denyChanges(data.table()));
      }
      if (profile.has(FunctionProfile.Access.MEDIA_READ)
          || profile.has(FunctionProfile.Access.MEDIA_WRITE)) {
        NagSuppression.suppressMatching(deployed.role(), "AwsSolutions-IAM5", List.of(
            "Resource::.*MediaBucket[A-Za-z0-9]+.*\\/\\*",
            "Action::s3:(GetObject|GetBucket|List|Abort|PutObject|DeleteObject)\\*"),
            "CDK's bucket grant: objects are per tenant and per case under one bucket, so the grant is on "
                + "the media bucket's objects; keys are built from the tenant context (TenantContext)");
      }
      if (profile.has(FunctionProfile.Access.MEDIA_READ)) {
        data.mediaBucket().grantRead(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.MEDIA_WRITE)) {
        data.mediaBucket().grantPut(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.MEDIA_DELETE)) {
        data.mediaBucket().grantDelete(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.MEDIA_TAG)) {
        NagSuppression.suppressMatching(deployed.role(), "AwsSolutions-IAM5", List.of(
            "Resource::.*MediaBucket[A-Za-z0-9]+.*\\/\\*"),
            "Tags are set on the objects of one case, keys the function builds from the tenant context, "
                + "so the grant is on the media bucket's objects; tagging only, no reads or writes");
        deployed.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
            .sid("TagCasePhotos")
            .actions(List.of("s3:PutObjectTagging"))
            .resources(List.of(data.mediaBucket().arnForObjects("*")))
            .build());
      }
      if (profile.has(FunctionProfile.Access.START_CASE_WORKFLOW)) {
        deployed.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
            .sid("StartCaseWorkflow")
            .actions(List.of("states:StartExecution"))
            .resources(List.of(caseWorkflowArn))
            .build());
      }
      if (profile.has(FunctionProfile.Access.CASE_WORKFLOW_CALLBACK)) {
        deployed.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
            .sid("CaseWorkflowCallback")
            .actions(List.of("states:SendTaskSuccess", "states:SendTaskHeartbeat"))
            .resources(List.of(caseWorkflowArn))
            .build());
      }
      if (profile.has(FunctionProfile.Access.USER_LOOKUP)) {
        deployed.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
            .sid("UserPoolLookup")
            .actions(List.of("cognito-idp:ListUsers"))
            .resources(List.of(userPoolArn))
            .build());
      }
      if (profile.has(FunctionProfile.Access.NOTIFY)) {
        NagSuppression.suppressMatching(deployed.role(), "AwsSolutions-IAM5", List.of(
            "Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity\\/\\*"),
            "A stage without a mail domain sends from any identity verified in the account (the SES "
                + "sandbox, see Notifications); stages with a domain are limited to it");
        notifications.grantSend(deployed.role());
      }
      if (profile.has(FunctionProfile.Access.USER_ADMIN)) {
        deployed.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
            .sid("UserPoolAdmin")
            // Named, not Admin*: no AdminDeleteUser, AdminInitiateAuth or AdminSetUserSettings.
            .actions(List.of("cognito-idp:AdminCreateUser", "cognito-idp:AdminSetUserPassword",
                "cognito-idp:AdminAddUserToGroup", "cognito-idp:AdminGetUser",
                "cognito-idp:AdminUpdateUserAttributes", "cognito-idp:AdminDisableUser"))
            .resources(List.of(userPoolArn))
            .build());
      }
      if (profile.has(FunctionProfile.Access.HEALTH_PROBES)) {
        deployed.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
            .sid("HealthProbes")
            .actions(List.of("dynamodb:DescribeTable"))
            .resources(List.of(data.table().getTableArn()))
            .build());
        deployed.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
            .sid("HealthProbeBucket")
            // HeadBucket is authorized as s3:ListBucket.
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(data.mediaBucket().getBucketArn()))
            .build());
        deployed.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
            .sid("HealthProbeStepFunctions")
            // ListStateMachines has no resource-level permissions.
            .actions(List.of("states:ListStateMachines"))
            .resources(List.of("*"))
            .build());
      }
    }
  }

  public Functions functions() {
    return functions;
  }

  public ContractHttpApi api() {
    return api;
  }

  /** The tenant data role, or null when no function needs a tenant session. */
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

  /** The case workflow, or null while the functions jar lacks a task handler. */
  public CaseWorkflow caseWorkflow() {
    return caseWorkflow;
  }

  /** The case workflow's ARN, predicted from its fixed name (the state machine's name is that name). */
  public String caseWorkflowArn() {
    return caseWorkflowArn;
  }
}
