package com.dermrelay.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.MatchResult;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * The app composed exactly as {@link DermRelayApp#main} does and synthesized once per JVM for each
 * of four configurations, shared by all test classes (a synth takes seconds).
 */
final class SynthesizedStage {

  static final String PROD_ACCOUNT = "123456789012";
  static final String PROD_REGION = "eu-central-1";

  /** The prod stage's second region: every test that walks {@link #regions} sees two stack sets. */
  static final String PROD_SECOND_REGION = "eu-west-1";

  static final String PROD_ORIGIN_1 = "https://portal.example.com";
  static final String PROD_ORIGIN_2 = "https://clinic.example.org";
  static final String PROD_SENDER_DOMAIN = "notify.example.com";

  /** Where this configuration's contract and jars came from. */
  final SourcePaths sources;

  final List<RegionStacks> regions;
  final RegionStacks stacks;
  final DataStack data;

  /** The data stack's template. */
  final Template template;

  final Template identity;

  /** The first workflow stack's ({@code -workflow}): the case and EHR delivery workflows. */
  final Template workflow;

  /** The API stack's: the HTTP API, authorizer and stage, no functions or routes. */
  final Template api;

  final Template portal;
  private final Map<Stack, Template> templates = new HashMap<>();
  private CloudAssembly assembly;

  private SynthesizedStage(Map<String, Object> context) {
    this(context, SourcePaths.locate(), WorkflowTasks.ALL);
  }

  private SynthesizedStage(
      Map<String, Object> context, SourcePaths sources, List<WorkflowTasks> workflows) {
    this.sources = sources;
    App app = new App(DermRelayApp.appProps(context, Map.of(), null));
    // An empty environment: the account and region must come from the context alone.
    this.regions = DermRelayApp.compose(app, Map.of(), sources, workflows);
    this.stacks = regions.get(0);
    this.data = stacks.data();
    this.template = templateOf(data);
    this.identity = templateOf(stacks.identity());
    this.workflow = templateOf(stacks.workflow());
    this.api = templateOf(stacks.api());
    this.portal = templateOf(stacks.portal());
  }

  /** The cdk-nag findings (and any other annotations) of one stack. */
  static Annotations annotationsOf(Stack stack) {
    return Annotations.fromStack(stack);
  }

  /**
   * The whole app, synthesized once. {@code Template.fromStack} and {@code Annotations.fromStack}
   * synthesize the whole app again at every call (they force it, for tests that change the app
   * between assertions), which for a stage of twenty stacks in two regions cost minutes; these
   * stages are never changed after composition.
   */
  synchronized CloudAssembly assembly() {
    if (assembly == null) {
      assembly = ((Stage) data.getNode().getRoot()).synth();
    }
    return assembly;
  }

  /** The synthesis messages (errors, warnings, cdk-nag findings) of a stack of any region. */
  List<SynthesisMessage> messagesOf(Stack stack) {
    return assembly().getStackArtifact(stack.getArtifactId()).getMessages();
  }

  /** The template of a stack of any region, from the one synthesis. */
  @SuppressWarnings("unchecked")
  Template synthesizedTemplate(Stack stack) {
    return Template.fromJSON(
        (Map<String, Object>) assembly().getStackArtifact(stack.getArtifactId()).getTemplate());
  }

  /** No context at all: every default. */
  static SynthesizedStage dev() {
    return DevHolder.INSTANCE;
  }

  /**
   * A fully configured stage as a production deploy would pass it, in two regions ({@link #stacks}
   * is the first one's, {@value #PROD_REGION}).
   */
  static SynthesizedStage prod() {
    return ProdHolder.INSTANCE;
  }

  /**
   * All defaults, with fixture jars that hold every handler (empty class entries: synthesis only
   * checks the names): the functions jar the case workflow's task handlers, the FHIR jar the EHR
   * delivery workflow's and the FHIR operations' handlers, which a copy of the contract routes
   * ({@link #FHIR_OPERATIONS}). So both state machines are built, as once issue 8 has landed.
   */
  static SynthesizedStage withWorkflow() {
    return WorkflowHolder.INSTANCE;
  }

  /**
   * All of {@link #withWorkflow()} plus the sixty operations of {@link #NEXT_ROUND_OPERATIONS} and
   * the workflow {@link #FIXTURE_WORKFLOW}: what the stacks look like once this round's issues
   * land.
   */
  static SynthesizedStage nextRound() {
    return NextRoundHolder.INSTANCE;
  }

  /** Composes a fresh, unsynthesized app; for tests that must change it before synthesis. */
  static List<RegionStacks> composeFresh(Map<String, Object> context) {
    return DermRelayApp.compose(
        new App(DermRelayApp.appProps(context, Map.of(), null)), Map.of(), SourcePaths.locate());
  }

  /**
   * Asserts that the CloudFormation resource behind {@code construct} has properties matching
   * {@code pattern} ({@link Match#objectLike}: keys not named are ignored, lists must match in
   * full).
   */
  void assertProperties(IConstruct construct, Map<String, Object> pattern) {
    String id = logicalId(construct);
    Object resource =
        templateOf(construct).toJSON().get("Resources") instanceof Map<?, ?> resources
            ? resources.get(id)
            : null;
    if (!(resource instanceof Map<?, ?> r)) {
      throw new AssertionError("no resource " + id + " in the template");
    }
    MatchResult result = Match.objectLike(pattern).test(r.get("Properties"));
    if (result.hasFailed()) {
      throw new AssertionError(
          id + " properties do not match:\n" + String.join("\n", result.toHumanStrings()));
    }
  }

  String logicalId(IConstruct construct) {
    IConstruct element =
        construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
    return Stack.of(construct).getLogicalId((CfnElement) element);
  }

  /** The template of the stack of {@code construct}, a stack of the first region. */
  Template templateOf(IConstruct construct) {
    Stack stack = Stack.of(construct);
    if (!stacks.stacks().contains(stack)) {
      throw new IllegalArgumentException(
          "not a stack of the first region: " + stack.getStackName());
    }
    return templates.computeIfAbsent(stack, this::synthesizedTemplate);
  }

  /** The functions of the API's operations, in every capability stack. */
  List<Functions.DeployedFunction> apiFunctions() {
    return stacks.operations().stream().flatMap(s -> s.functions().all().stream()).toList();
  }

  /** The task functions of every workflow stack. */
  List<Functions.DeployedFunction> taskFunctions() {
    return stacks.workflows().stream().flatMap(s -> s.functions().all().stream()).toList();
  }

  /** The API's and the workflows' functions (not the user pool's triggers). */
  List<Functions.DeployedFunction> allFunctions() {
    List<Functions.DeployedFunction> all = new ArrayList<>(apiFunctions());
    all.addAll(taskFunctions());
    return all;
  }

  /** The function of {@code handlerClass}, wherever it deploys. */
  Functions.DeployedFunction function(String handlerClass) {
    return allFunctions().stream()
        .filter(d -> d.handlerClass().equals(handlerClass))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no function for " + handlerClass));
  }

  /** The number of resources of each stack of every region, by stack name. */
  Map<String, Integer> resourceCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RegionStacks region : regions) {
      for (Stack stack : region.stacks()) {
        Template template = region == stacks ? templateOf(stack) : synthesizedTemplate(stack);
        counts.put(stack.getStackName(), ((Map<?, ?>) template.toJSON().get("Resources")).size());
      }
    }
    return counts;
  }

  /** The CloudFormation intrinsic for a resource's ARN. */
  Map<String, Object> arnOf(IConstruct construct) {
    return Map.of("Fn::GetAtt", List.of(logicalId(construct), "Arn"));
  }

  Map<String, Object> refTo(IConstruct construct) {
    return Map.of("Ref", logicalId(construct));
  }

  private static final class DevHolder {
    static final SynthesizedStage INSTANCE = new SynthesizedStage(Map.of());
  }

  /**
   * The FHIR operations agreed with the functions side (issue 8): operation id, method, path,
   * handler.
   */
  static final List<List<String>> FHIR_OPERATIONS =
      List.of(
          List.of(
              "getCaseFhirBundle",
              "get",
              "/clinics/{tenantId}/cases/{caseId}/fhir-bundle",
              "com.dermrelay.fhir.api.GetCaseFhirBundleHandler"),
          List.of(
              "listEhrDeliveries",
              "get",
              "/clinics/{tenantId}/ehr-deliveries",
              "com.dermrelay.fhir.delivery.ListEhrDeliveriesHandler"),
          List.of(
              "resendToEhr",
              "post",
              "/clinics/{tenantId}/cases/{caseId}/ehr-deliveries/resend",
              "com.dermrelay.fhir.api.ResendToEhrHandler"),
          List.of(
              "putEhrCredentials",
              "put",
              "/clinics/{tenantId}/ehr-credentials",
              "com.dermrelay.fhir.delivery.PutEhrCredentialsHandler"));

  /**
   * A workflow added the way every new one is (one record, its own stack), with fixture task
   * handlers.
   */
  static final WorkflowTasks FIXTURE_WORKFLOW =
      new WorkflowTasks(
          "fixture-reminders",
          "/workflows/fixture-reminders.asl.json",
          "com.dermrelay.fixture.workflow",
          "DERMRELAY_FIXTURE_REMINDERS_WORKFLOW_ARN",
          List.of());

  /** Sixty more operations in existing and new capability packages (test resource). */
  static final String NEXT_ROUND_OPERATIONS = "/contracts/next-round-operations.yaml";

  private static final class WorkflowHolder {
    static final SynthesizedStage INSTANCE =
        new SynthesizedStage(
            Map.of(),
            fixtureSources("dermrelay-workflow-jar", List.of(), WorkflowTasks.ALL),
            WorkflowTasks.ALL);
  }

  private static final class NextRoundHolder {
    static final List<WorkflowTasks> WORKFLOWS =
        java.util.stream.Stream.concat(
                WorkflowTasks.ALL.stream(), java.util.stream.Stream.of(FIXTURE_WORKFLOW))
            .toList();
    static final SynthesizedStage INSTANCE =
        new SynthesizedStage(
            Map.of(),
            fixtureSources("dermrelay-next-round", List.of(NEXT_ROUND_OPERATIONS), WORKFLOWS),
            WORKFLOWS);
  }

  /**
   * A copy of the repository's contract with the FHIR operations ({@link #FHIR_OPERATIONS}) and
   * those of {@code moreOperations} (test resources with a {@code paths} map), and fixture jars
   * that hold every handler it names and every task handler of {@code workflows}.
   */
  private static SourcePaths fixtureSources(
      String name, List<String> moreOperations, List<WorkflowTasks> workflows) {
    SourcePaths real = SourcePaths.locate();
    try {
      Path dir = Files.createTempDirectory(name);
      Path spec =
          withFhirOperations(real.openApiSpec(), dir.resolve("openapi.yaml"), moreOperations);
      List<String> classes = new ArrayList<>(ApiSpec.load(spec).handlers());
      workflows.forEach(workflow -> classes.addAll(workflow.handlers().values()));
      classes.add(FunctionProfile.RECONCILER_HANDLER);
      classes.add(IdentityStack.PRE_SIGN_UP_HANDLER);
      classes.add(IdentityStack.POST_CONFIRMATION_HANDLER);
      Path functionsJar =
          FunctionsJarTest.fixtureJar(
              dir,
              entries(
                  classes.stream()
                      .filter(
                          c ->
                              !DeploymentJars.isFhirHandler(c)
                                  && !DeploymentJars.isLettersHandler(c))
                      .toList()));
      Path fhirJar =
          FunctionsJarTest.fixtureJar(
              dir, entries(classes.stream().filter(DeploymentJars::isFhirHandler).toList()));
      Path lettersJar =
          FunctionsJarTest.fixtureJar(
              dir, entries(classes.stream().filter(DeploymentJars::isLettersHandler).toList()));
      return new SourcePaths(spec, functionsJar, fhirJar, lettersJar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] entries(List<String> classes) {
    return classes.stream().map(c -> c.replace('.', '/') + ".class").toArray(String[]::new);
  }

  /**
   * The repository's contract plus those of {@link #FHIR_OPERATIONS} it does not name yet and every
   * operation of {@code moreOperations}, written to {@code target}.
   */
  private static Path withFhirOperations(Path spec, Path target, List<String> moreOperations)
      throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode root = (ObjectNode) yaml.readTree(spec.toFile());
    ObjectNode paths = (ObjectNode) root.get("paths");
    List<String> named =
        ApiSpec.load(spec).operations().stream()
            .flatMap(op -> java.util.stream.Stream.of(op.operationId(), op.handler()))
            .toList();
    for (List<String> op : FHIR_OPERATIONS) {
      if (named.contains(op.get(0)) || named.contains(op.get(3))) {
        continue;
      }
      ObjectNode path =
          paths.has(op.get(2)) ? (ObjectNode) paths.get(op.get(2)) : paths.putObject(op.get(2));
      path.putObject(op.get(1))
          .put("operationId", op.get(0))
          .put(ApiSpec.HANDLER_EXTENSION, op.get(3));
    }
    for (String resource : moreOperations) {
      try (java.io.InputStream in = SynthesizedStage.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not on the test classpath");
        }
        yaml.readTree(in)
            .get("paths")
            .fields()
            .forEachRemaining(
                path -> {
                  ObjectNode into =
                      paths.has(path.getKey())
                          ? (ObjectNode) paths.get(path.getKey())
                          : paths.putObject(path.getKey());
                  path.getValue()
                      .fields()
                      .forEachRemaining(
                          method -> {
                            if (into.has(method.getKey())) {
                              throw new IllegalStateException(
                                  resource + " repeats " + method.getKey() + " " + path.getKey());
                            }
                            into.set(method.getKey(), method.getValue());
                          });
                });
      }
    }
    yaml.writeValue(target.toFile(), root);
    return target;
  }

  private static final class ProdHolder {
    static final SynthesizedStage INSTANCE =
        new SynthesizedStage(
            Map.of(
                StageConfig.STAGE_KEY,
                "prod",
                StageConfig.ACCOUNT_KEY,
                PROD_ACCOUNT,
                StageConfig.REGION_KEY,
                PROD_REGION,
                StageConfig.REGIONS_KEY,
                PROD_REGION + "," + PROD_SECOND_REGION,
                StageConfig.PORTAL_ORIGINS_KEY,
                PROD_ORIGIN_1 + ", " + PROD_ORIGIN_2,
                StageConfig.SENDER_DOMAIN_KEY,
                PROD_SENDER_DOMAIN));
  }
}
