package com.dermrelay.infrastructure;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
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

    final DataStack data;
    final Template template;
    final Annotations annotations;

    private SynthesizedStage(Map<String, Object> context) {
        App app = new App(DermRelayApp.appProps(context, Map.of(), null));
        // An empty environment: the account and region must come from the context alone.
        this.data = DermRelayApp.compose(app, Map.of());
        this.template = Template.fromStack(data);
        this.annotations = Annotations.fromStack(data);
    }

    /** No context at all: every default. */
    static SynthesizedStage dev() {
        return DevHolder.INSTANCE;
    }

    /** A fully configured stage as a production deploy would pass it. */
    static SynthesizedStage prod() {
        return ProdHolder.INSTANCE;
    }

    /** Composes a fresh, unsynthesized app; for tests that must change it before synthesis. */
    static DataStack composeFresh(Map<String, Object> context) {
        return DermRelayApp.compose(new App(DermRelayApp.appProps(context, Map.of(), null)), Map.of());
    }

    /**
     * Asserts that the CloudFormation resource behind {@code construct} has properties matching
     * {@code pattern} ({@link Match#objectLike}: keys not named are ignored, lists must match in full).
     */
    void assertProperties(IConstruct construct, Map<String, Object> pattern) {
        String id = logicalId(construct);
        Object resource = template.toJSON().get("Resources") instanceof Map<?, ?> resources ? resources.get(id) : null;
        if (!(resource instanceof Map<?, ?> r)) {
            throw new AssertionError("no resource " + id + " in the template");
        }
        MatchResult result = Match.objectLike(pattern).test(r.get("Properties"));
        if (result.hasFailed()) {
            throw new AssertionError(id + " properties do not match:\n" + String.join("\n", result.toHumanStrings()));
        }
    }

    String logicalId(IConstruct construct) {
        return data.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
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

    private static final class ProdHolder {
        static final SynthesizedStage INSTANCE = new SynthesizedStage(Map.of(
                StageConfig.STAGE_KEY, "prod",
                StageConfig.ACCOUNT_KEY, PROD_ACCOUNT,
                StageConfig.REGION_KEY, PROD_REGION,
                StageConfig.PORTAL_ORIGINS_KEY, PROD_ORIGIN_1 + ", " + PROD_ORIGIN_2));
    }
}
