package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.s3.Bucket;

class DermRelayAppTest {

    @Test
    void synthesizesWithoutCdkNagErrorsOrWarnings() {
        for (SynthesizedStage stage : List.of(SynthesizedStage.dev(), SynthesizedStage.prod())) {
            stage.annotations.hasNoError("*", nagFinding(""));
            stage.annotations.hasNoWarning("*", nagFinding(""));
        }
    }

    @Test
    void cdkNagChecksReportAnInsecureBucketAddedToTheApp() {
        // Proves the checks run on what compose() builds: an unlogged bucket without a TLS-only policy.
        DataStack data = SynthesizedStage.composeFresh(Map.of());
        new Bucket(data, "Careless");
        Annotations annotations = Annotations.fromStack(data);
        annotations.hasError("/dermrelay-dev-data/Careless/Resource", nagFinding("S1:"));
        annotations.hasError("/dermrelay-dev-data/Careless/Resource", nagFinding("S10:"));
    }

    @Test
    void appPropsUseTheOutdirPropertyOnlyWhenTheCliHasNotSetOne() {
        assertEquals("/tmp/out", DermRelayApp.appProps(Map.of(), Map.of(), "/tmp/out").getOutdir());
        assertNull(DermRelayApp.appProps(Map.of(), Map.of("CDK_OUTDIR", "/cli/out"), "/tmp/out").getOutdir());
        assertNull(DermRelayApp.appProps(Map.of(), Map.of(), null).getOutdir());
    }

    @Test
    void appPropsCarryTheFeatureFlagsAndTheGivenContext() {
        AppProps props = DermRelayApp.appProps(Map.of(StageConfig.STAGE_KEY, "qa"), Map.of(), null);
        Map<String, Object> context = props.getContext();
        assertEquals(true, context.get(FeatureFlags.ACCESS_LOGS_USE_BUCKET_POLICY));
        assertEquals("qa", context.get(StageConfig.STAGE_KEY));
    }

    private static Object nagFinding(String rule) {
        return Match.stringLikeRegexp("AwsSolutions-" + rule + ".*");
    }
}
