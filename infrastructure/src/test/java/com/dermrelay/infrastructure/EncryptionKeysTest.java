package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionKeysTest {

  private final SynthesizedStage dev = SynthesizedStage.dev();

  @Test
  void createsOneCustomerManagedKeyWithRotationThatIsRetained() {
    dev.template.resourceCountIs("AWS::KMS::Key", 1);
    dev.template.hasResource(
        "AWS::KMS::Key",
        Map.of(
            "Properties", Map.of("EnableKeyRotation", true),
            "DeletionPolicy", "Retain",
            "UpdateReplacePolicy", "Retain"));
  }

  @Test
  void aliasIsNamedForTheStageAndPointsAtTheKey() {
    dev.template.hasResourceProperties(
        "AWS::KMS::Alias",
        Map.of(
            "AliasName", "alias/dermrelay-dev-data", "TargetKeyId", dev.arnOf(dev.data.dataKey())));
  }

  @Test
  void aliasFollowsAConfiguredStage() {
    SynthesizedStage prod = SynthesizedStage.prod();
    prod.template.hasResourceProperties(
        "AWS::KMS::Alias", Map.of("AliasName", "alias/dermrelay-prod-data"));
    assertEquals(1, prod.template.findResources("AWS::KMS::Alias").size());
  }
}
