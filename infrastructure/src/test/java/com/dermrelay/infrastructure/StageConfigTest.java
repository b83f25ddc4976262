package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StageConfigTest {

  @Test
  void defaultsToDevWithTheLocalPortalAndNoEnvironment() {
    StageConfig config = StageConfig.load(context(Map.of()), Map.of());
    assertEquals("dev", config.stage());
    assertEquals("dermrelay-dev", config.resourcePrefix());
    assertEquals(Optional.empty(), config.account());
    assertEquals(Optional.empty(), config.region());
    assertEquals(List.of("http://localhost:8080"), config.portalOrigins());
  }

  @Test
  void contextWinsOverTheCliEnvironment() {
    StageConfig config =
        StageConfig.load(
            context(Map.of("stage", "prod", "account", "123456789012", "region", "eu-central-1")),
            Map.of("CDK_DEFAULT_ACCOUNT", "999999999999", "CDK_DEFAULT_REGION", "us-east-1"));
    assertEquals("prod", config.stage());
    assertEquals(Optional.of("123456789012"), config.account());
    assertEquals(Optional.of("eu-central-1"), config.region());
  }

  @Test
  void fallsBackToTheEnvironmentTheCliResolved() {
    StageConfig config =
        StageConfig.load(
            context(Map.of()),
            Map.of("CDK_DEFAULT_ACCOUNT", "999999999999", "CDK_DEFAULT_REGION", "us-east-1"));
    assertEquals(Optional.of("999999999999"), config.account());
    assertEquals(Optional.of("us-east-1"), config.region());
  }

  @Test
  void blankContextValuesCountAsUnset() {
    StageConfig config = StageConfig.load(context(Map.of("stage", " ", "region", "")), Map.of());
    assertEquals("dev", config.stage());
    assertEquals(Optional.empty(), config.region());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Prod", "1dev", "dev_1", "dev-", "a-very-long-stage-name-x", "dev.1"})
  void rejectsStageNamesThatCannotBeResourceNames(String stage) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StageConfig.load(context(Map.of("stage", stage)), Map.of()));
    assertTrue(
        e.getMessage().contains("'stage'") && e.getMessage().contains(stage), e.getMessage());
  }

  @Test
  void rejectsAMalformedAccountOrRegion() {
    IllegalArgumentException account =
        assertThrows(
            IllegalArgumentException.class,
            () -> StageConfig.load(context(Map.of("account", "12345")), Map.of()));
    assertTrue(account.getMessage().contains("12-digit"), account.getMessage());
    IllegalArgumentException region =
        assertThrows(
            IllegalArgumentException.class,
            () -> StageConfig.load(context(Map.of()), Map.of("CDK_DEFAULT_REGION", "Frankfurt")));
    assertTrue(region.getMessage().contains("Frankfurt"), region.getMessage());
  }

  @Test
  void rejectsANonStringStage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StageConfig.load(context(Map.of("stage", 42)), Map.of()));
    assertTrue(e.getMessage().contains("must be a string"), e.getMessage());
  }

  private static java.util.function.Function<String, Object> context(Map<String, Object> values) {
    return values::get;
  }
}
