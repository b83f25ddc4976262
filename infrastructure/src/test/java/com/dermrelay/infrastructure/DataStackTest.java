package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.assertions.Match;

class DataStackTest {

  private final SynthesizedStage dev = SynthesizedStage.dev();
  private final SynthesizedStage prod = SynthesizedStage.prod();

  @Test
  void outputsTheTableNameBucketNameAndKeyArn() {
    dev.template.hasOutput(
        DataStack.TABLE_NAME_OUTPUT, Map.of("Value", dev.refTo(dev.data.table())));
    dev.template.hasOutput(
        DataStack.MEDIA_BUCKET_NAME_OUTPUT, Map.of("Value", dev.refTo(dev.data.mediaBucket())));
    dev.template.hasOutput(
        DataStack.DATA_KEY_ARN_OUTPUT, Map.of("Value", dev.arnOf(dev.data.dataKey())));
  }

  @Test
  void tagsEveryTaggableResourceWithAppAndStage() {
    for (String type : List.of("AWS::KMS::Key", "AWS::DynamoDB::Table", "AWS::S3::Bucket")) {
      dev.template.allResourcesProperties(
          type,
          Map.of(
              "Tags",
              Match.arrayWith(
                  List.of(
                      Map.of("Key", "app", "Value", "dermrelay"),
                      Map.of("Key", "stage", "Value", "dev")))));
      prod.template.allResourcesProperties(
          type, Map.of("Tags", Match.arrayWith(List.of(Map.of("Key", "stage", "Value", "prod")))));
    }
    // The stack itself carries the tags too, so CloudFormation propagates them to what it creates.
    assertEquals("dermrelay", prod.data.getTags().tagValues().get("app"));
    assertEquals("prod", prod.data.getTags().tagValues().get("stage"));
  }

  @Test
  void isNamedForTheStageAndDeployedToTheConfiguredEnvironment() {
    // Named with the region: each region of a stage has its own stack set.
    assertEquals("dermrelay-prod-eu-central-1-data", prod.data.getStackName());
    assertEquals(SynthesizedStage.PROD_ACCOUNT, prod.data.getAccount());
    assertEquals(SynthesizedStage.PROD_REGION, prod.data.getRegion());
  }

  @Test
  void isEnvironmentAgnosticWithoutAccountOrRegion() {
    assertEquals("dermrelay-dev-data", dev.data.getStackName());
    assertTrue(Token.isUnresolved(dev.data.getAccount()), dev.data.getAccount());
    assertTrue(Token.isUnresolved(dev.data.getRegion()), dev.data.getRegion());
  }
}
