package com.dermrelay.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.MatchResult;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * The app composed exactly as {@link DermRelayApp#main} does and synthesized once per JVM for each of
 * two configurations, shared by all test classes (a synth takes seconds).
 */
final class SynthesizedStage {

    static final String PROD_ACCOUNT = "123456789012";
    static final String PROD_REGION = "eu-central-1";
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
    final Template workflow;
    final Template api;
    final Template portal;

    private SynthesizedStage(Map<String, Object> context) {
        this(context, SourcePaths.locate());
    }

    private SynthesizedStage(Map<String, Object> context, SourcePaths sources) {
        this.sources = sources;
        App app = new App(DermRelayApp.appProps(context, Map.of(), null));
        // An empty environment: the account and region must come from the context alone.
        this.regions = DermRelayApp.compose(app, Map.of(), sources);
        this.stacks = regions.get(0);
        this.data = stacks.data();
        this.template = Template.fromStack(data);
        this.identity = Template.fromStack(stacks.identity());
        this.workflow = Template.fromStack(stacks.workflow());
        this.api = Template.fromStack(stacks.api());
        this.portal = Template.fromStack(stacks.portal());
    }

    /** The cdk-nag findings (and any other annotations) of one stack. */
    static Annotations annotationsOf(Stack stack) {
        return Annotations.fromStack(stack);
    }

    /** No context at all: every default. */
    static SynthesizedStage dev() {
        return DevHolder.INSTANCE;
    }

    /** A fully configured stage as a production deploy would pass it. */
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

    /** Composes a fresh, unsynthesized app; for tests that must change it before synthesis. */
    static List<RegionStacks> composeFresh(Map<String, Object> context) {
        return DermRelayApp.compose(new App(DermRelayApp.appProps(context, Map.of(), null)), Map.of(),
                SourcePaths.locate());
    }

    /**
     * Asserts that the CloudFormation resource behind {@code construct} has properties matching
     * {@code pattern} ({@link Match#objectLike}: keys not named are ignored, lists must match in full).
     */
    void assertProperties(IConstruct construct, Map<String, Object> pattern) {
        String id = logicalId(construct);
        Object resource = templateOf(construct).toJSON().get("Resources") instanceof Map<?, ?> resources ? resources.get(id) : null;
        if (!(resource instanceof Map<?, ?> r)) {
            throw new AssertionError("no resource " + id + " in the template");
        }
        MatchResult result = Match.objectLike(pattern).test(r.get("Properties"));
        if (result.hasFailed()) {
            throw new AssertionError(id + " properties do not match:\n" + String.join("\n", result.toHumanStrings()));
        }
    }

    String logicalId(IConstruct construct) {
        IConstruct element = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
        return Stack.of(construct).getLogicalId((CfnElement) element);
    }

    Template templateOf(IConstruct construct) {
        Stack stack = Stack.of(construct);
        if (stack == stacks.data()) {
            return template;
        } else if (stack == stacks.identity()) {
            return identity;
        } else if (stack == stacks.workflow()) {
            return workflow;
        } else if (stack == stacks.api()) {
            return api;
        } else if (stack == stacks.portal()) {
            return portal;
        }
        throw new IllegalArgumentException("not a stack of the first region: " + stack.getStackName());
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

    /** The FHIR operations agreed with the functions side (issue 8): operation id, method, path, handler. */
    static final List<List<String>> FHIR_OPERATIONS = List.of(
            List.of("getCaseFhirBundle", "get", "/clinics/{tenantId}/cases/{caseId}/fhir-bundle",
                    "com.dermrelay.fhir.api.GetCaseFhirBundleHandler"),
            List.of("listEhrDeliveries", "get", "/clinics/{tenantId}/ehr-deliveries",
                    "com.dermrelay.fhir.delivery.ListEhrDeliveriesHandler"),
            List.of("resendToEhr", "post", "/clinics/{tenantId}/cases/{caseId}/ehr-deliveries/resend",
                    "com.dermrelay.fhir.api.ResendToEhrHandler"),
            List.of("putEhrCredentials", "put", "/clinics/{tenantId}/ehr-credentials",
                    "com.dermrelay.fhir.delivery.PutEhrCredentialsHandler"));

    private static final class WorkflowHolder {
        static final SynthesizedStage INSTANCE = new SynthesizedStage(Map.of(), workflowSources());

        private static SourcePaths workflowSources() {
            SourcePaths real = SourcePaths.locate();
            try {
                Path dir = Files.createTempDirectory("dermrelay-workflow-jar");
                Path spec = withFhirOperations(real.openApiSpec(), dir.resolve("openapi.yaml"));
                List<String> classes = new ArrayList<>(ApiSpec.load(spec).handlers());
                WorkflowTasks.ALL.forEach(workflow -> classes.addAll(workflow.handlers().values()));
                classes.add(IdentityStack.PRE_SIGN_UP_HANDLER);
                classes.add(IdentityStack.POST_CONFIRMATION_HANDLER);
                Path functionsJar = FunctionsJarTest.fixtureJar(dir, entries(classes.stream()
                        .filter(c -> !DeploymentJars.isFhirHandler(c)).toList()));
                Path fhirJar = FunctionsJarTest.fixtureJar(dir, entries(classes.stream()
                        .filter(DeploymentJars::isFhirHandler).toList()));
                return new SourcePaths(spec, functionsJar, fhirJar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String[] entries(List<String> classes) {
            return classes.stream().map(c -> c.replace('.', '/') + ".class").toArray(String[]::new);
        }

        /**
         * The repository's contract plus those of {@link #FHIR_OPERATIONS} it does not name yet,
         * written to {@code target}.
         */
        private static Path withFhirOperations(Path spec, Path target) throws IOException {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ObjectNode root = (ObjectNode) yaml.readTree(spec.toFile());
            ObjectNode paths = (ObjectNode) root.get("paths");
            List<String> named = ApiSpec.load(spec).operations().stream()
                    .flatMap(op -> java.util.stream.Stream.of(op.operationId(), op.handler())).toList();
            for (List<String> op : FHIR_OPERATIONS) {
                if (named.contains(op.get(0)) || named.contains(op.get(3))) {
                    continue;
                }
                ObjectNode path = paths.has(op.get(2)) ? (ObjectNode) paths.get(op.get(2)) : paths.putObject(op.get(2));
                path.putObject(op.get(1)).put("operationId", op.get(0)).put(ApiSpec.HANDLER_EXTENSION, op.get(3));
            }
            yaml.writeValue(target.toFile(), root);
            return target;
        }
    }

    private static final class ProdHolder {
        static final SynthesizedStage INSTANCE = new SynthesizedStage(Map.of(
                StageConfig.STAGE_KEY, "prod",
                StageConfig.ACCOUNT_KEY, PROD_ACCOUNT,
                StageConfig.REGION_KEY, PROD_REGION,
                StageConfig.PORTAL_ORIGINS_KEY, PROD_ORIGIN_1 + ", " + PROD_ORIGIN_2,
                StageConfig.SENDER_DOMAIN_KEY, PROD_SENDER_DOMAIN));
    }
}
