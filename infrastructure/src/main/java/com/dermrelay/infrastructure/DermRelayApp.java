package com.dermrelay.infrastructure;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app of DermRelay. Run by the CDK CLI through cdk.json, or directly with {@code mvn -pl
 * infrastructure -q compile exec:java}. Context keys: {@code stage} (default {@code dev}), {@code
 * account}, {@code region}, {@code regions}, {@code portalOrigins}, {@code senderDomain} (see
 * {@link StageConfig}) and {@code version}.
 */
public final class DermRelayApp {

  /** Set by the exec-maven-plugin so a synth without the CLI lands in infrastructure/cdk.out. */
  static final String OUTDIR_PROPERTY = "dermrelay.cdk.outdir";

  /**
   * Context key for the release label the functions report; defaults to a digest of the functions
   * jar.
   */
  public static final String VERSION_KEY = "version";

  private DermRelayApp() {}

  public static void main(String[] args) {
    App app = new App(appProps(Map.of(), System.getenv(), System.getProperty(OUTDIR_PROPERTY)));
    List<RegionStacks> regions = compose(app, System.getenv(), SourcePaths.locate());
    app.synth();
    for (RegionStacks region : regions) {
      System.out.println(
          "Synthesized "
              + region.stacks().stream().map(Stack::getStackName).toList()
              + " to "
              + app.getOutdir());
    }
  }

  /**
   * Adds every DermRelay stack of the stage named by the app's context: one stack set per region in
   * {@code regions} (one environment-agnostic set when no region is known), tags everything and
   * applies the cdk-nag AWS Solutions and HIPAA Security checks (violations show as synth errors).
   * Fails before synthesis if the OpenAPI contract names a handler the functions jar lacks.
   */
  public static List<RegionStacks> compose(App app, Map<String, String> env, SourcePaths sources) {
    return compose(app, env, sources, WorkflowTasks.ALL);
  }

  /**
   * As {@link #compose(App, Map, SourcePaths)}, with {@code workflows} instead of {@link
   * WorkflowTasks#ALL}.
   */
  static List<RegionStacks> compose(
      App app, Map<String, String> env, SourcePaths sources, List<WorkflowTasks> workflows) {
    StageConfig config = StageConfig.load(app.getNode()::tryGetContext, env);
    ApiSpec spec = ApiSpec.load(sources.openApiSpec());
    DeploymentJars jars = DeploymentJars.open(sources);
    jars.requireClasses(spec.handlers(), "The OpenAPI contract " + sources.openApiSpec());
    // A handler is a route's or a workflow task's, never both (each gets one caller's grants).
    Functions.callers(
        spec.handlers(),
        workflows.stream().flatMap(workflow -> workflow.handlers().values().stream()).toList());
    Map<String, List<ApiOperation>> capabilities = spec.byCapability();
    Object versionContext = app.getNode().tryGetContext(VERSION_KEY);
    String version =
        versionContext instanceof String v && !v.isBlank() ? v.trim() : jars.contentVersion();

    Tags.of(app).add("app", "dermrelay");
    Tags.of(app).add("stage", config.stage());
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    Aspects.of(app).add(new HIPAASecurityChecks(NagPackProps.builder().verbose(true).build()));

    if (config.regions().isEmpty()) {
      return List.of(regionStacks(app, config, spec, capabilities, workflows, jars, version));
    }
    List<RegionStacks> sets = new ArrayList<>();
    for (String region : config.regions()) {
      sets.add(
          regionStacks(app, config.inRegion(region), spec, capabilities, workflows, jars, version));
    }
    return List.copyOf(sets);
  }

  private static RegionStacks regionStacks(
      App app,
      StageConfig config,
      ApiSpec spec,
      Map<String, List<ApiOperation>> capabilities,
      List<WorkflowTasks> workflows,
      DeploymentJars jars,
      String version) {
    String prefix = config.stackPrefix();
    String where = config.stage() + config.region().map(r -> " in " + r).orElse("");
    DataStack data =
        new DataStack(
            app,
            prefix + "-data",
            stackProps(
                config,
                "DermRelay " + where + ": stateful data (KMS key, DynamoDB table, photo bucket)"),
            config);
    IdentityStack identity =
        new IdentityStack(
            app,
            prefix + "-identity",
            stackProps(config, "DermRelay " + where + ": Cognito user pool and portal client"),
            config,
            data,
            jars,
            version);
    List<WorkflowStack> workflowStacks =
        workflowStacks(app, config, where, data, identity, workflows, jars, version);
    List<WorkflowTasks> told =
        WorkflowStack.toldOf(
            workflows,
            workflowStacks.stream().flatMap(stack -> stack.deployed().stream()).toList());
    ApiStack api =
        new ApiStack(
            app,
            prefix + "-api",
            stackProps(
                config,
                "DermRelay "
                    + where
                    + ": HTTP API, authorizer and stage, region alarms and dashboard"),
            config,
            data,
            identity,
            workflowStacks);
    List<ApiFunctionsStack> operations = new ArrayList<>();
    capabilities.forEach(
        (capability, ops) ->
            operations.add(
                new ApiFunctionsStack(
                    app,
                    prefix + "-" + ApiFunctionsStack.stackPart(capability),
                    stackProps(
                        config,
                        "DermRelay "
                            + where
                            + ": the "
                            + capability
                            + " operations (functions, routes, alarms)"),
                    config,
                    data,
                    identity,
                    workflowStacks.get(0),
                    api,
                    capability,
                    ops,
                    told,
                    jars,
                    version)));
    api.addDashboard(operations);
    // CloudFront takes web ACLs only from us-east-1: a known region is needed to reference across.
    Optional<EdgeStack> edge =
        config
            .region()
            .map(
                region ->
                    new EdgeStack(
                        app,
                        prefix + "-edge",
                        StackProps.builder()
                            .env(
                                Environment.builder()
                                    .account(config.account().orElse(null))
                                    .region(EdgeStack.EDGE_REGION)
                                    .build())
                            .crossRegionReferences(true)
                            .description(
                                "DermRelay "
                                    + where
                                    + ": the CloudFront web ACL (always in us-east-1)")
                            .build(),
                        config));
    String apiDomain =
        config
            .domains()
            .api()
            .map(CustomDomains.Domain::name)
            .orElseGet(() -> Fn.select(2, Fn.split("/", api.api().api().getApiEndpoint())));
    PortalHosting.Edge portalEdge =
        new PortalHosting.Edge(
            edge.map(e -> e.firewall().webAcl().getAttrArn()),
            Optional.of(apiDomain),
            PortalHosting.apiPathPatterns(spec.operations()));
    StackProps portalProps =
        StackProps.builder()
            .env(stackProps(config, "").getEnv())
            .crossRegionReferences(edge.isPresent())
            .description(
                "DermRelay " + where + ": portal hosting and the API's edge (S3 and CloudFront)")
            .build();
    PortalStack portal = new PortalStack(app, prefix + "-portal", portalProps, config, portalEdge);
    return new RegionStacks(config, data, identity, workflowStacks, api, operations, portal, edge);
  }

  /**
   * The workflow stacks: {@code -workflow} first (the alarm topic, and the workflows that name it),
   * then one per other stack the deployable workflows name ({@link WorkflowTasks#stack()}), in
   * {@code workflows} order. A workflow whose task handlers the jars lack is left out with a
   * warning on the first stack, and a stack left with no workflow is not made (CloudFormation takes
   * no empty template).
   */
  private static List<WorkflowStack> workflowStacks(
      App app,
      StageConfig config,
      String where,
      DataStack data,
      IdentityStack identity,
      List<WorkflowTasks> workflows,
      DeploymentJars jars,
      String version) {
    Map<String, List<WorkflowTasks>> byStack = new LinkedHashMap<>();
    byStack.put(WorkflowTasks.SHARED_STACK, new ArrayList<>());
    Map<WorkflowTasks, List<String>> missing = new LinkedHashMap<>();
    for (WorkflowTasks workflow : workflows) {
      List<String> absent = workflow.missingFrom(jars);
      if (absent.isEmpty()) {
        byStack.computeIfAbsent(workflow.stack(), s -> new ArrayList<>()).add(workflow);
      } else {
        missing.put(workflow, absent);
      }
    }
    List<WorkflowTasks> deployed = byStack.values().stream().flatMap(List::stream).toList();
    List<WorkflowTasks> told = WorkflowStack.toldOf(workflows, deployed);
    List<WorkflowStack> stacks = new ArrayList<>();
    for (Map.Entry<String, List<WorkflowTasks>> entry : byStack.entrySet()) {
      boolean shared = entry.getKey().equals(WorkflowTasks.SHARED_STACK);
      String what =
          shared
              ? "workflows (state machines, task functions), alarm topic"
              : "the "
                  + entry.getValue().stream()
                      .map(WorkflowTasks::name)
                      .collect(Collectors.joining(", "))
                  + " workflow (state machine, task functions)";
      stacks.add(
          new WorkflowStack(
              app,
              config.stackPrefix() + "-" + entry.getKey(),
              stackProps(config, "DermRelay " + where + ": " + what),
              config,
              data,
              identity,
              jars,
              version,
              entry.getValue(),
              told,
              shared ? Optional.empty() : Optional.of(stacks.get(0))));
    }
    missing.forEach(stacks.get(0)::warnNotDeployed);
    return List.copyOf(stacks);
  }

  /**
   * Props for the app: the feature flags plus {@code context} (tests pass theirs here; the CLI's
   * context, read by CDK from the environment, overrides both).
   */
  public static AppProps appProps(
      Map<String, Object> context, Map<String, String> env, String outdirProperty) {
    Map<String, Object> merged = new HashMap<>(FeatureFlags.DEFAULTS);
    merged.putAll(context);
    AppProps.Builder props = AppProps.builder().context(merged);
    // The CLI's CDK_OUTDIR must win; without the CLI CDK would pick a temporary directory.
    if (env.get("CDK_OUTDIR") == null && outdirProperty != null && !outdirProperty.isBlank()) {
      props.outdir(outdirProperty);
    }
    return props.build();
  }

  private static StackProps stackProps(StageConfig config, String description) {
    Environment.Builder environment = Environment.builder();
    config.account().ifPresent(environment::account);
    config.region().ifPresent(environment::region);
    return StackProps.builder().env(environment.build()).description(description).build();
  }
}
