package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.s3.Bucket;

class DermRelayAppTest {

  @Test
  void everyStackSynthesizesWithoutUnsuppressedCdkNagErrorsOrWarnings() {
    List<String> findings = new ArrayList<>();
    // Every stack the app makes by itself included: a capability stack per new package, a stack per
    // new workflow.
    for (SynthesizedStage stage :
        List.of(
            SynthesizedStage.dev(),
            SynthesizedStage.prod(),
            SynthesizedStage.withWorkflow(),
            SynthesizedStage.nextRound())) {
      for (RegionStacks region : stage.regions) {
        for (Stack stack : region.stacks()) {
          Annotations annotations = SynthesizedStage.annotationsOf(stack);
          for (SynthesisMessage message : annotations.findError("*", anyNagFinding())) {
            findings.add("ERROR " + message.getId() + " " + firstLine(message));
          }
          for (SynthesisMessage message : annotations.findWarning("*", anyNagFinding())) {
            findings.add("WARN  " + message.getId() + " " + firstLine(message));
          }
        }
      }
    }
    assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n", findings));
  }

  @Test
  void cdkNagChecksReportAnInsecureBucketAddedToTheApp() {
    // Proves both packs run on what compose() builds: an unlogged, unreplicated bucket without a
    // TLS-only policy.
    DataStack data = SynthesizedStage.composeFresh(Map.of()).get(0).data();
    new Bucket(data, "Careless");
    Annotations annotations = Annotations.fromStack(data);
    annotations.hasError("/dermrelay-dev-data/Careless/Resource", nagFinding("AwsSolutions-S1:"));
    annotations.hasError("/dermrelay-dev-data/Careless/Resource", nagFinding("AwsSolutions-S10:"));
    annotations.hasError(
        "/dermrelay-dev-data/Careless/Resource",
        nagFinding("HIPAA.Security-S3BucketSSLRequestsOnly:"));
  }

  @Test
  void appPropsUseTheOutdirPropertyOnlyWhenTheCliHasNotSetOne() {
    assertEquals("/tmp/out", DermRelayApp.appProps(Map.of(), Map.of(), "/tmp/out").getOutdir());
    assertNull(
        DermRelayApp.appProps(Map.of(), Map.of("CDK_OUTDIR", "/cli/out"), "/tmp/out").getOutdir());
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
    return Match.stringLikeRegexp(rule + ".*");
  }

  private static Object anyNagFinding() {
    return Match.stringLikeRegexp("(AwsSolutions|HIPAA\\.Security)-.*");
  }

  private static String firstLine(SynthesisMessage message) {
    String text = String.valueOf(message.getEntry().getData());
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
