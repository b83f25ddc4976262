package com.dermrelay.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    final List<RegionStacks> regions;
    final RegionStacks stacks;
    final DataStack data;
    /** The data stack's template. */
    final Template template;
    final Template identity;
    final Template api;
    final Template portal;

    private SynthesizedStage(Map<String, Object> context) {
        this(context, SourcePaths.locate());
    }

    private SynthesizedStage(Map<String, Object> context, SourcePaths sources) {
        App app = new App(DermRelayApp.appProps(context, Map.of(), null));
        // An empty environment: the account and region must come from the context alone.
        this.regions = DermRelayApp.compose(app, Map.of(), sources);
        this.stacks = regions.get(0);
        this.data = stacks.data();
        this.template = Template.fromStack(data);
        this.identity = Template.fromStack(stacks.identity());
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
     * All defaults, with a functions jar that also holds the case workflow's task handlers (empty
     * class entries: synthesis only checks the names), so the state machine is built.
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

    private static final class WorkflowHolder {
        static final SynthesizedStage INSTANCE = new SynthesizedStage(Map.of(), workflowSources());

        private static SourcePaths workflowSources() {
            SourcePaths real = SourcePaths.locate();
            List<String> classes = new ArrayList<>(ApiSpec.load(real.openApiSpec()).handlers());
            classes.addAll(WorkflowTasks.handlers().values());
            classes.add(IdentityStack.PRE_SIGN_UP_HANDLER);
            classes.add(IdentityStack.POST_CONFIRMATION_HANDLER);
            try {
                Path dir = Files.createTempDirectory("dermrelay-workflow-jar");
                String[] entries = classes.stream().map(c -> c.replace('.', '/') + ".class").toArray(String[]::new);
                return new SourcePaths(real.openApiSpec(), FunctionsJarTest.fixtureJar(dir, entries));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
