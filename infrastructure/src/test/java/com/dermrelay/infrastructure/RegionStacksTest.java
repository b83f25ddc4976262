package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

class RegionStacksTest {

  @Test
  void eachConfiguredRegionGetsItsOwnStackSetNamedWithTheRegion() {
    // Composed, not synthesized: names and environments are known before synthesis.
    List<RegionStacks> regions =
        SynthesizedStage.composeFresh(
            Map.of(
                StageConfig.STAGE_KEY, "prod",
                StageConfig.ACCOUNT_KEY, SynthesizedStage.PROD_ACCOUNT,
                StageConfig.REGIONS_KEY, "eu-central-1, us-east-1"));
    assertEquals(2, regions.size());
    List<String> parts = new java.util.ArrayList<>(List.of("data", "identity", "workflow", "api"));
    ApiSpec.load(SourcePaths.locate().openApiSpec())
        .byCapability()
        .keySet()
        .forEach(capability -> parts.add("api-" + capability));
    parts.addAll(List.of("portal", "edge"));
    assertEquals(
        parts.stream().map(part -> "dermrelay-prod-eu-central-1-" + part).toList(),
        regions.get(0).stacks().stream().map(Stack::getStackName).toList());
    for (RegionStacks set : regions) {
      String region = set.config().region().orElseThrow();
      for (Stack stack : set.stacks()) {
        // The edge stack serves the region's CloudFront distribution, which takes its web ACL from
        // us-east-1.
        String expected = stack instanceof EdgeStack ? EdgeStack.EDGE_REGION : region;
        assertEquals(expected, stack.getRegion(), stack.getStackName());
        assertEquals(SynthesizedStage.PROD_ACCOUNT, stack.getAccount());
      }
    }
    assertEquals("dermrelay-prod-us-east-1-api", regions.get(1).api().getStackName());
  }

  @Test
  void withoutRegionsTheSingleSetFollowsTheRegionKey() {
    assertEquals(
        List.of("eu-west-1"),
        StageConfig.load(Map.<String, Object>of(StageConfig.REGION_KEY, "eu-west-1")::get, Map.of())
            .regions());
    assertEquals(List.of(), StageConfig.load(Map.<String, Object>of()::get, Map.of()).regions());
  }

  @Test
  void rejectsSomethingThatIsNoRegion() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StageConfig.load(
                    Map.<String, Object>of(StageConfig.REGIONS_KEY, "eu-central-1,Frankfurt")::get,
                    Map.of()));
    assertEquals(true, e.getMessage().contains("Frankfurt"), e.getMessage());
  }
}
