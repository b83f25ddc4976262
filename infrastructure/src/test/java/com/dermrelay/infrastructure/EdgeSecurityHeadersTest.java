package com.dermrelay.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CloudFront's response headers policy, read back from the synthesized production template as the
 * header lines a browser receives, is exactly edge/security-headers.json with the region's origins:
 * the file the local gateway serves, so the browser tests see what production sends.
 */
class EdgeSecurityHeadersTest {

  @Test
  void theDistributionSendsExactlyTheSharedDefinition() {
    SynthesizedStage prod = SynthesizedStage.prod();
    Map<String, Map<String, Object>> policies =
        prod.portal.findResources("AWS::CloudFront::ResponseHeadersPolicy");
    assertEquals(1, policies.size(), policies.keySet().toString());
    Map<String, Object> config =
        map(
            map(map(policies.values().iterator().next().get("Properties"))
                    .get("ResponseHeadersPolicyConfig"))
                .get("SecurityHeadersConfig"));

    Map<String, String> sent = new LinkedHashMap<>();
    Map<String, Object> csp = map(config.get("ContentSecurityPolicy"));
    sent.put("Content-Security-Policy", (String) csp.get("ContentSecurityPolicy"));
    Map<String, Object> hsts = map(config.get("StrictTransportSecurity"));
    sent.put(
        "Strict-Transport-Security",
        "max-age="
            + hsts.get("AccessControlMaxAgeSec")
            + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")
            + (Boolean.TRUE.equals(hsts.get("Preload")) ? "; preload" : ""));
    sent.put("X-Content-Type-Options", "nosniff");
    sent.put("X-Frame-Options", (String) map(config.get("FrameOptions")).get("FrameOption"));
    sent.put("Referrer-Policy", (String) map(config.get("ReferrerPolicy")).get("ReferrerPolicy"));

    assertEquals(EdgeSecurityHeaders.forRegion(SynthesizedStage.PROD_REGION), sent);
    for (String setting :
        new String[] {
          "ContentSecurityPolicy",
          "StrictTransportSecurity",
          "ContentTypeOptions",
          "FrameOptions",
          "ReferrerPolicy"
        }) {
      assertEquals(
          true, map(config.get(setting)).get("Override"), setting + " overrides the origin's");
    }
  }

  @Test
  void theDefinitionNamesEveryOriginByPlaceholderOnly() {
    Map<String, String> definition = EdgeSecurityHeaders.definition();
    String csp = definition.get("Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self';"), csp);
    definition
        .values()
        .forEach(
            value ->
                assertTrue(
                    !value.contains("amazonaws.com") && !value.contains("127.0.0.1"),
                    "origins differ by environment; use ${media}, ${api} or ${identity}: "
                        + value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
