package com.dermrelay.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.fhir.ReceiverEndpoint;
import com.dermrelay.local.seed.DemoData;
import com.dermrelay.local.seed.DemoSeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A clinic of its own for EHR delivery tests, so the demo clinics (and the tests that count their
 * costs) never get an endpoint: seeded like the demo clinics (its slug is its id), with an admin
 * and a dermatologist, its EHR endpoint on the local FHIR receiver set through updateTenantSettings
 * and its bearer token stored through putEhrCredentials.
 */
public record EhrClinic(
    String tenantId, String adminToken, String dermatologistToken, ReceiverEndpoint ehr) {

  private static final String TOKEN = "ehr-token-of-the-clinic";

  /** A clinic whose endpoint times out after {@code timeoutSeconds}. */
  public static EhrClinic create(LocalStack stack, ApiCalls api, int timeoutSeconds) {
    String id = "ehr-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode config = DemoData.load().tenants().get(0).config().deepCopy();
    config.put("tenantId", id).put("slug", id).put("displayName", "EHR Test Clinic " + id);
    String admin = "admin@" + id + ".example";
    String dermatologist = "dr@" + id + ".example";
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      new DemoSeeder(dynamoDb, LocalStackConfig.TABLE, stack.identity())
          .seed(
              new DemoData(
                  List.of(new DemoData.Tenant(id, config)),
                  List.of(
                      new DemoData.User(
                          admin, "Ehr-Admin-Pass-1", "clinic_admin", List.of(id), "Robin Admin"),
                      new DemoData.User(
                          dermatologist,
                          "Ehr-Derm-Pass-1",
                          "dermatologist",
                          List.of(id),
                          "Dr. Ito"))));
    }
    EhrClinic clinic =
        new EhrClinic(
            id,
            api.idToken(admin, "Ehr-Admin-Pass-1"),
            api.idToken(dermatologist, "Ehr-Derm-Pass-1"),
            stack.fhirReceiver().endpoint(id));
    clinic.ehr().allowToken(TOKEN);

    String settingsPath = "/clinics/" + id + "/settings";
    JsonNode current = ApiCalls.json(api.get(settingsPath, clinic.adminToken()));
    ObjectNode change =
        ApiCalls.JSON.createObjectNode().put("version", current.get("version").asLong());
    ObjectNode withEhr = ((ObjectNode) current.get("config")).deepCopy();
    ObjectNode ehr =
        withEhr
            .putObject("ehr")
            .put("fhirBaseUrl", stack.fhirReceiver().baseUrl(id))
            .put("timeoutSeconds", timeoutSeconds);
    ehr.putObject("auth").put("type", "bearer");
    ehr.putObject("media").put("mode", "link").put("linkHours", 1);
    change.set("config", withEhr);
    HttpResponse<String> saved =
        api.call("PUT", settingsPath, clinic.adminToken(), change.toString());
    assertEquals(200, saved.statusCode(), saved.body());
    HttpResponse<String> credentials =
        api.call(
            "PUT",
            "/clinics/" + id + "/ehr/credentials",
            clinic.adminToken(),
            "{\"token\":\"" + TOKEN + "\"}");
    assertEquals(204, credentials.statusCode(), credentials.body());
    return clinic;
  }

  /** The admin's password (the account exists only in this test run's local identity service). */
  public static final String ADMIN_PASSWORD = "Ehr-Admin-Pass-1";

  public String adminEmail() {
    return "admin@" + tenantId + ".example";
  }

  /**
   * The follow-up an answer asks for, when it asks for one: the next day (the contract's least), so
   * a test reaches it by moving the JVM's shared clock one day, not the usual four weeks that would
   * fire every other test's case timers on the way.
   */
  public static final int FOLLOW_UP_IN_DAYS = 1;

  /**
   * The dermatologist claims the case and answers it; with a follow-up in {@link
   * #FOLLOW_UP_IN_DAYS} when asked.
   */
  public void answer(ApiCalls api, String caseId, boolean followUp) {
    answer(api, tenantId, dermatologistToken, caseId, followUp);
  }

  /** A dermatologist of {@code tenantId} claims and answers the case. */
  public static void answer(
      ApiCalls api, String tenantId, String dermatologistToken, String caseId, boolean followUp) {
    HttpResponse<String> claimed =
        api.call(
            "POST",
            "/clinics/" + tenantId + "/reviews/" + caseId + "/claim",
            dermatologistToken,
            null);
    assertEquals(200, claimed.statusCode(), claimed.body());
    ObjectNode body = ApiCalls.JSON.createObjectNode();
    body.putObject("diagnosis").put("code", "atopic-eczema").put("note", "flexural");
    body.putArray("differentials").add("allergic-contact-dermatitis");
    body.put("patientExplanation", "This is eczema. It is common and can be controlled.");
    body.put("treatmentPlan", "Moisturise twice a day; steroid cream on flares.");
    body.putArray("prescriptions")
        .addObject()
        .put("medicine", "Hydrocortisone")
        .put("strength", "1%")
        .put("form", "cream")
        .put("directions", "Apply thinly twice a day for up to 14 days.")
        .put("quantity", "30 g")
        .put("refills", 1);
    body.putObject("referral").put("advised", false);
    if (followUp) {
      body.putObject("followUp").put("inDays", FOLLOW_UP_IN_DAYS);
    } else {
      body.putNull("followUp");
    }
    HttpResponse<String> answered =
        api.call(
            "POST",
            "/clinics/" + tenantId + "/cases/" + caseId + "/answer",
            dermatologistToken,
            body.toString());
    assertEquals(200, answered.statusCode(), answered.body());
  }
}
