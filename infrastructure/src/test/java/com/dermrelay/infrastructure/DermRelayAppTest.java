package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import software.amazon.awscdk.services.s3.Bucket;

class DermRelayAppTest {
  /** A finding of either cdk-nag pack, as its message starts. */
  private static final Pattern NAG_FINDING = Pattern.compile("(AwsSolutions|HIPAA\\.Security)-");

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
          findings.addAll(nagFindings(stage.assembly(), stack));
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
    CloudAssembly assembly = ((Stage) data.getNode().getRoot()).synth();
    String findings = String.join("\n", nagFindings(assembly, data));
    for (String rule :
        List.of(
            "AwsSolutions-S1:", "AwsSolutions-S10:", "HIPAA.Security-S3BucketSSLRequestsOnly:")) {
      assertTrue(
          findings.contains("ERROR /dermrelay-dev-data/Careless/Resource " + rule),
          rule + " in:\n" + findings);
    }
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

  /** The cdk-nag findings (either pack) of one stack, as "LEVEL path first-line". */
  private static List<String> nagFindings(CloudAssembly assembly, Stack stack) {
    List<String> findings = new ArrayList<>();
    for (SynthesisMessage message :
        assembly.getStackArtifact(stack.getArtifactId()).getMessages()) {
      if (!NAG_FINDING.matcher(String.valueOf(message.getEntry().getData())).find()) {
        continue;
      }
      if (message.getLevel() == SynthesisMessageLevel.ERROR) {
        findings.add("ERROR " + message.getId() + " " + firstLine(message));
      } else if (message.getLevel() == SynthesisMessageLevel.WARNING) {
        findings.add("WARN  " + message.getId() + " " + firstLine(message));
      }
    }
    return findings;
  }

  private static String firstLine(SynthesisMessage message) {
    String text = String.valueOf(message.getEntry().getData());
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
