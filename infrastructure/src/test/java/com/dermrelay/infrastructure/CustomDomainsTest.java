package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class CustomDomainsTest {

  static final String PORTAL_CERT =
      "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
  static final String API_CERT =
      "arn:aws:acm:eu-central-1:123456789012:certificate/9a1b2c3d-4e5f-6789-abcd-ef0123456789";

  private static final Map<String, Object> WITH_DOMAINS =
      Map.of(
          StageConfig.STAGE_KEY,
          "prod",
          StageConfig.ACCOUNT_KEY,
          "123456789012",
          StageConfig.REGION_KEY,
          "eu-central-1",
          StageConfig.PORTAL_ORIGINS_KEY,
          "https://portal.example.com",
          CustomDomains.PORTAL_DOMAIN_KEY,
          "portal.example.com",
          CustomDomains.PORTAL_CERTIFICATE_KEY,
          PORTAL_CERT,
          CustomDomains.API_DOMAIN_KEY,
          "api.eu.example.com",
          CustomDomains.API_CERTIFICATE_KEY,
          API_CERT);

  @Test
  void configuredDomainsGetTheirCertificatesAndTheApiLosesItsDefaultEndpoint() {
    RegionStacks stacks = SynthesizedStage.composeFresh(WITH_DOMAINS).get(0);
    Template portal = Template.fromStack(stacks.portal());
    Template api = Template.fromStack(stacks.api());
    portal.hasResourceProperties(
        "AWS::CloudFront::Distribution",
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of(
                    "Aliases",
                    List.of("portal.example.com"),
                    "ViewerCertificate",
                    Map.of(
                        "AcmCertificateArn",
                        PORTAL_CERT,
                        "MinimumProtocolVersion",
                        "TLSv1.2_2021",
                        "SslSupportMethod",
                        "sni-only"),
                    // CloudFront reaches the API by its own domain, the only one left.
                    "Origins",
                    Match.arrayWith(
                        List.of(Match.objectLike(Map.of("DomainName", "api.eu.example.com"))))))));
    api.hasResourceProperties(
        "AWS::ApiGatewayV2::DomainName",
        Map.of(
            "DomainName",
            "api.eu.example.com",
            "DomainNameConfigurations",
            List.of(
                Match.objectLike(
                    Map.of("CertificateArn", API_CERT, "SecurityPolicy", "TLS_1_2")))));
    api.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 1);
    api.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("DisableExecuteApiEndpoint", true));
  }

  @Test
  void withoutConfigurationThereAreNoCustomDomains() {
    SynthesizedStage prod = SynthesizedStage.prod();
    prod.api.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
    prod.api.hasResourceProperties(
        "AWS::ApiGatewayV2::Api", Map.of("DisableExecuteApiEndpoint", false));
    prod.portal.hasResourceProperties(
        "AWS::CloudFront::Distribution",
        Map.of("DistributionConfig", Match.objectLike(Map.of("Aliases", Match.absent()))));
  }

  @Test
  void badDomainSettingsFailWithTheKeyNamed() {
    assertMessage(
        CustomDomains.PORTAL_CERTIFICATE_KEY,
        () ->
            CustomDomains.load(
                java.util.Optional.of("portal.example.com"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty()));
    assertMessage(
        "us-east-1",
        () ->
            CustomDomains.load(
                java.util.Optional.of("portal.example.com"), java.util.Optional.of(API_CERT),
                java.util.Optional.empty(), java.util.Optional.empty()));
    assertMessage(
        CustomDomains.API_DOMAIN_KEY,
        () ->
            CustomDomains.load(
                java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of("API.Example"), java.util.Optional.of(API_CERT)));
    Map<String, Object> twoRegions = new java.util.HashMap<>(WITH_DOMAINS);
    twoRegions.put(StageConfig.REGIONS_KEY, "eu-central-1,eu-west-2");
    assertMessage(CustomDomains.API_DOMAIN_KEY, () -> StageConfig.load(twoRegions::get, Map.of()));
  }

  private static void assertMessage(
      String expected, org.junit.jupiter.api.function.Executable config) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
