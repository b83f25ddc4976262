package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.dermrelay.testing.TestClinics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security finding 5 (docs/security.md), when a URL is saved: a clinic admin cannot point the
 * platform at the metadata service or a private network through the EHR endpoint, its token URL or
 * the logo. The local stack still reaches its own EHR stand-in on localhost.
 */
@ExtendWith(LocalStackExtension.class)
class TenantUrlGuardIT {
  private static LocalStack stack;
  private static ApiCalls api;
  private static String slug;
  private static String admin;

  @BeforeAll
  static void clinic(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
    slug = "urls-" + UUID.randomUUID().toString().substring(0, 8);
    admin = TestClinics.adminOfSeededClinic(stack, slug);
  }

  private static HttpResponse<String> save(Consumer<ObjectNode> change) {
    JsonNode settings = ApiCalls.json(api.get("/clinics/" + slug + "/settings", admin));
    ObjectNode body = settings.deepCopy();
    change.accept((ObjectNode) body.get("config"));
    return api.call("PUT", "/clinics/" + slug + "/settings", admin, body.toString());
  }

  private static Consumer<ObjectNode> ehr(String fhirBaseUrl, String tokenUrl) {
    return config -> {
      ObjectNode ehr = config.putObject("ehr").put("fhirBaseUrl", fhirBaseUrl);
      ObjectNode auth = ehr.putObject("auth");
      if (tokenUrl == null) {
        auth.put("type", "bearer");
      } else {
        auth.put("type", "oauth2-client-credentials").put("tokenUrl", tokenUrl);
      }
    };
  }

  private static void assertRefusedAt(HttpResponse<String> response, String pointer) {
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    JsonNode problem = ApiCalls.json(response);
    assertEquals(1, problem.get("errors").size(), problem.toString());
    assertEquals(pointer, problem.at("/errors/0/pointer").asText(), problem.toString());
  }

  @Test
  void anEhrEndpointOnAnInternalAddressIsRefusedNamingTheField() {
    JsonNode before = ApiCalls.json(api.get("/clinics/" + slug + "/settings", admin));
    for (String url :
        List.of(
            "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.1/fhir",
            "https://192.168.1.20/fhir",
            "https://172.20.0.5:8443/fhir",
            "https://100.64.0.1/fhir",
            "https://[fd00:ec2::254]/",
            "https://[::ffff:169.254.169.254]/",
            "https://[fe80::1]/fhir",
            "https://0.0.0.0/fhir",
            "https://2852039166/fhir",
            "https://224.0.0.251/fhir")) {
      assertRefusedAt(save(ehr(url, null)), "/config/ehr/fhirBaseUrl");
    }
    assertRefusedAt(
        save(ehr("https://ehr.example.org/fhir", "https://169.254.169.254/token")),
        "/config/ehr/auth/tokenUrl");
    assertEquals(
        before,
        ApiCalls.json(api.get("/clinics/" + slug + "/settings", admin)),
        "nothing was saved");
  }

  @Test
  void aLogoOnAnInternalAddressIsRefusedNamingTheField() {
    assertRefusedAt(
        save(
            config ->
                ((ObjectNode) config.get("branding"))
                    .put("logoUrl", "https://169.254.169.254/logo.png")),
        "/config/branding/logoUrl");
    HttpResponse<String> onSite =
        save(
            config ->
                ((ObjectNode) config.get("branding")).put("logoUrl", "/brands/northside/logo.svg"));
    assertEquals(200, onSite.statusCode(), onSite.body());
  }

  @Test
  void theLocalStackStillReachesItsEhrStandInOnLocalhost() {
    HttpResponse<String> saved = save(ehr(stack.fhirReceiver().baseUrl(slug), null));
    assertEquals(200, saved.statusCode(), saved.body());
    HttpResponse<String> named =
        save(ehr("https://ehr.example.org/fhir", "https://auth.example.org/token"));
    assertEquals(
        200,
        named.statusCode(),
        "a name is checked when it is called, not when saved: " + named.body());
  }
}
