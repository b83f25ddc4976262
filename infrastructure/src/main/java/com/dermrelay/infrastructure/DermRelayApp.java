package com.dermrelay.infrastructure;

import java.util.HashMap;
import java.util.Map;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app of DermRelay. Run by the CDK CLI through cdk.json, or directly with
 * {@code mvn -pl infrastructure -q compile exec:java}. Context keys: {@code stage} (default
 * {@code dev}), {@code account}, {@code region}, {@code portalOrigins}; see {@link StageConfig}.
 */
public final class DermRelayApp {

    /** Set by the exec-maven-plugin so a synth without the CLI lands in infrastructure/cdk.out. */
    static final String OUTDIR_PROPERTY = "dermrelay.cdk.outdir";

    private DermRelayApp() {
    }

    public static void main(String[] args) {
        App app = new App(appProps(Map.of(), System.getenv(), System.getProperty(OUTDIR_PROPERTY)));
        DataStack data = compose(app, System.getenv());
        app.synth();
        System.out.println("Synthesized " + data.getStackName() + " to " + app.getOutdir());
    }

    /**
     * Adds every DermRelay stack of the stage named by the app's context, tags everything and applies
     * the cdk-nag AWS Solutions checks (violations show as synth errors).
     */
    public static DataStack compose(App app, Map<String, String> env) {
        StageConfig config = StageConfig.load(app.getNode()::tryGetContext, env);
        Tags.of(app).add("app", "dermrelay");
        Tags.of(app).add("stage", config.stage());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));

        return new DataStack(app, config.resourcePrefix() + "-data", stackProps(config,
                "DermRelay " + config.stage() + ": stateful data (KMS key, DynamoDB table, photo bucket)"), config);
    }

    /**
     * Props for the app: the feature flags plus {@code context} (tests pass theirs here; the CLI's context,
     * read by CDK from the environment, overrides both).
     */
    public static AppProps appProps(Map<String, Object> context, Map<String, String> env, String outdirProperty) {
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
        return StackProps.builder()
                .env(environment.build())
                .description(description)
                .build();
    }
}
