package com.dermrelay.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.seed.DemoData;
import com.dermrelay.local.seed.DemoSeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Clinics of a test's own (signUpClinic) and their settings, so the demo clinics stay as seeded.
 */
public final class TestClinics {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The permanent password {@link #adminOfNewClinic} gives the clinic's first admin. */
  public static final String ADMIN_PASSWORD = "Closed-Admin-Pass-1";

  private TestClinics() {}

  /** The first admin's e-mail of a clinic made by {@link #adminOfNewClinic}. */
  public static String adminEmail(String slug) {
    return "admin@" + slug + ".example";
  }

  /** The admin's change through updateTenantSettings, on the version just read. */
  public static JsonNode setAccepting(
      ApiCalls api, String slug, String adminToken, boolean accepting) {
    return setSwitch(api, slug, adminToken, "acceptingNewPatients", accepting);
  }

  /** The admin lets patients send a dermoscopic photo (or not), as the console's settings do. */
  public static JsonNode setPatientDermoscopy(
      ApiCalls api, String slug, String adminToken, boolean offered) {
    return setSwitch(api, slug, adminToken, "patientDermoscopy", offered);
  }

  private static JsonNode setSwitch(
      ApiCalls api, String slug, String adminToken, String name, boolean on) {
    HttpResponse<String> read = api.get("/clinics/" + slug + "/settings", adminToken);
    assertEquals(200, read.statusCode(), read.body());
    ObjectNode settings = (ObjectNode) ApiCalls.json(read);
    ((ObjectNode) settings.get("config")).put(name, on);
    HttpResponse<String> saved =
        api.call("PUT", "/clinics/" + slug + "/settings", adminToken, settings.toString());
    assertEquals(200, saved.statusCode(), saved.body());
    return ApiCalls.json(saved);
  }

  /**
   * signUpClinic, then the admin's password set permanently (OnboardingIT covers the first
   * sign-in).
   */
  public static String adminOfNewClinic(LocalStack stack, String slug) {
    String email = adminEmail(slug);
    String body =
        ApiCalls.JSON
            .createObjectNode()
            .put("displayName", "Clinic " + slug)
            .put("slug", slug)
            .put("region", "us-east-1")
            .put("adminName", "Admin of " + slug)
            .put("adminEmail", email)
            .put("acceptedTerms", true)
            .toString();
    try {
      HttpResponse<String> created =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/public/clinic-sign-ups"))
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", "closed-" + slug)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    stack.identity().admin().setUserPassword(email, ADMIN_PASSWORD, true);
    return new ApiCalls(stack).idToken(email, ADMIN_PASSWORD);
  }

  /**
   * A clinic written straight into the table and the identity pool as the demo clinics are
   * (DemoSeeder), with its first admin's ID token: for tests of what comes after sign-up. It spends
   * nothing of sign-up's per-address limit (20 an hour, and every test of the JVM calls from the
   * same address). {@code config} may change the clinic's configuration before it is written.
   */
  public static String adminOfSeededClinic(
      LocalStack stack, String slug, Consumer<ObjectNode> config) {
    ObjectNode clinic = DemoData.load().tenants().get(0).config().deepCopy();
    clinic.put("tenantId", slug).put("slug", slug).put("displayName", "Clinic " + slug);
    config.accept(clinic);
    ApiCalls api = new ApiCalls(stack);
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      new DemoSeeder(dynamoDb, LocalStackConfig.TABLE, stack.identity())
          .seed(
              new DemoData(
                  List.of(new DemoData.Tenant(slug, clinic)),
                  List.of(
                      new DemoData.User(
                          adminEmail(slug),
                          ADMIN_PASSWORD,
                          "clinic_admin",
                          List.of(slug),
                          "Admin of " + slug))));
    }
    return api.idToken(adminEmail(slug), ADMIN_PASSWORD);
  }

  public static String adminOfSeededClinic(LocalStack stack, String slug) {
    return adminOfSeededClinic(stack, slug, config -> {});
  }
}
