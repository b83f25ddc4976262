package com.dermrelay.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dermrelay.local.LocalStack;
import com.dermrelay.local.LocalStackConfig;
import com.dermrelay.local.identity.IdentityUser;
import com.dermrelay.local.testing.LocalStackExtension;
import com.dermrelay.testing.ApiCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Clinic settings, branding, membership checks and the audit records they leave. */
@ExtendWith(LocalStackExtension.class)
class TenancyIT {
  private static LocalStack stack;
  private static ApiCalls api;

  @BeforeAll
  static void stack(LocalStack localStack) {
    stack = localStack;
    api = new ApiCalls(localStack);
  }

  private static List<Map<String, AttributeValue>> auditOf(String tenantId) {
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      return dynamoDb
          .query(
              r ->
                  r.tableName(LocalStackConfig.TABLE)
                      .keyConditionExpression("pk = :pk")
                      .expressionAttributeValues(
                          Map.of(":pk", AttributeValue.fromS("TENANT#" + tenantId + "#AUDIT"))))
          .items();
    }
  }

  @Test
  void theBrandingOfAClinicIsPublicAndHoldsNothingPrivate() throws Exception {
    HttpResponse<String> response = api.get("/public/clinics/harbour/branding", null);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode branding = ApiCalls.json(response);
    assertEquals("harbour-dermatology", branding.get("tenantId").asText());
    assertEquals("Harbour Dermatology", branding.get("displayName").asText());
    assertEquals("#1e3a8a", branding.at("/branding/primaryColor").asText());
    assertEquals("2026-07-15", branding.at("/consent/version").asText());
    assertFalse(
        branding.has("retentionYears") || branding.has("slaHours") || branding.has("region"));
    assertEquals(404, api.get("/public/clinics/no-such-clinic/branding", null).statusCode());
  }

  @Test
  void anAdminChangesTheirClinicsSettingsOnTheVersionTheyRead() throws Exception {
    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    JsonNode read = ApiCalls.json(api.get("/clinics/northside-skin/settings", admin));
    long version = read.get("version").asLong();
    ObjectNode config = (ObjectNode) read.get("config").deepCopy();
    ((ObjectNode) config.get("branding"))
        .put("legalFooter", "Northside Skin Clinic PLLC. Call 911 in an emergency.");
    ObjectNode change = ApiCalls.JSON.createObjectNode().put("version", version);
    change.set("config", config);

    HttpResponse<String> updated =
        api.call("PUT", "/clinics/northside-skin/settings", admin, change.toString());
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals(version + 1, ApiCalls.json(updated).get("version").asLong());
    assertEquals(
        "Northside Skin Clinic PLLC. Call 911 in an emergency.",
        ApiCalls.json(api.get("/public/clinics/northside/branding", null))
            .at("/branding/legalFooter")
            .asText());

    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      var item =
          dynamoDb
              .getItem(
                  r ->
                      r.tableName(LocalStackConfig.TABLE)
                          .key(
                              Map.of(
                                  "pk",
                                  AttributeValue.fromS("TENANT#northside-skin"),
                                  "sk",
                                  AttributeValue.fromS("CONFIG"))))
              .item();
      assertEquals(
          "CLINICS#ALL",
          item.get("gsi2pk").s(),
          "still on the platform's list of clinics after the change (decision 0024)");
    }

    HttpResponse<String> stale =
        api.call("PUT", "/clinics/northside-skin/settings", admin, change.toString());
    assertEquals(409, stale.statusCode(), "a change based on an old version");
    assertTrue(
        auditOf("northside-skin").stream()
            .anyMatch(
                a ->
                    a.get("action").s().equals("tenant-settings.update")
                        && a.get("outcome").s().equals("SUCCESS")
                        && a.get("actorRole").s().equals("clinic_admin")
                        && a.get("actorName").s().equals("Morgan Lee")
                        && Long.parseLong(a.get("expiresAt").n())
                            > java.time.Instant.now()
                                .plusSeconds(6L * 365 * 86400)
                                .getEpochSecond()));
  }

  @Test
  void anInvalidConfigurationIsRefusedNamingTheField() throws Exception {
    String admin = api.idToken("admin@northside.example", "Demo-Admin-1");
    JsonNode read = ApiCalls.json(api.get("/clinics/northside-skin/settings", admin));
    ObjectNode change = (ObjectNode) read.deepCopy();
    ((ObjectNode) change.get("config")).put("retentionYears", 3);
    HttpResponse<String> response =
        api.call("PUT", "/clinics/northside-skin/settings", admin, change.toString());
    assertEquals(400, response.statusCode());
    assertTrue(ApiCalls.json(response).get("detail").asText().contains("/retentionYears"));
  }

  @Test
  void anotherClinicsSettingsAre404AndTheAttemptIsAudited() throws Exception {
    String northsideAdmin = api.idToken("admin@northside.example", "Demo-Admin-1");
    long before = settingsRefusals(auditOf("harbour-dermatology"));
    HttpResponse<String> response =
        api.get("/clinics/harbour-dermatology/settings", northsideAdmin);
    assertEquals(404, response.statusCode());
    assertEquals(
        before + 1, settingsRefusals(auditOf("harbour-dermatology")), "the attempt is counted");
    assertEquals(404, api.get("/clinics/no-such-clinic/settings", northsideAdmin).statusCode());
  }

  /**
   * Morgan Lee's refused attempts at Harbour's settings: repeats in a window are one record with
   * their count (audit.RepeatedDenials), so the attempts are summed, not the records.
   */
  private static long settingsRefusals(List<Map<String, AttributeValue>> audit) {
    return audit.stream()
        .filter(
            a ->
                a.get("outcome").s().equals("DENIED")
                    && a.get("actorName").s().equals("Morgan Lee")
                    && a.get("action").s().equals("access.GET /clinics/{tenantId}/settings"))
        .mapToLong(a -> a.containsKey("attempts") ? Long.parseLong(a.get("attempts").n()) : 1)
        .sum();
  }

  @Test
  void aPatientMayNotReadTheSettingsOfTheirOwnClinic() {
    String patient = api.idToken("patient@northside.example", "Demo-Patient-1");
    assertEquals(403, api.get("/clinics/northside-skin/settings", patient).statusCode());
    assertEquals(200, api.get("/clinics/northside-skin", patient).statusCode());
  }

  @Test
  void aDermatologistActsForEachClinicTheyBelongTo() {
    String derm = api.idToken("dr.chen@dermrelay.example", "Demo-Dermatologist-1");
    for (String clinic : List.of("northside-skin", "harbour-dermatology")) {
      HttpResponse<String> response = api.get("/clinics/" + clinic, derm);
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("dermatologist", ApiCalls.json(response).get("actingRole").asText());
    }
  }

  @Test
  void aDermatologistWhoLeftAClinicGets403There() {
    IdentityUser derm =
        stack
            .identity()
            .createConfirmedUser(
                "dr.left@dermrelay.example",
                "Leaving-Derm-1",
                Map.of("email", "dr.left@dermrelay.example", "name", "Dr. Left"),
                Set.of("dermatologist"));
    Map<String, AttributeValue> membership =
        new java.util.HashMap<>(
            Map.of(
                "pk", AttributeValue.fromS("TENANT#northside-skin"),
                "sk", AttributeValue.fromS("MEMBER#" + derm.sub()),
                "tenantId", AttributeValue.fromS("northside-skin"),
                "userSub", AttributeValue.fromS(derm.sub()),
                "role", AttributeValue.fromS("dermatologist"),
                "status", AttributeValue.fromS("ACTIVE"),
                "version", AttributeValue.fromN("1")));
    try (DynamoDbClient dynamoDb = api.dynamoDb()) {
      dynamoDb.putItem(r -> r.tableName(LocalStackConfig.TABLE).item(membership));
      String token = api.idToken("dr.left@dermrelay.example", "Leaving-Derm-1");
      assertEquals(200, api.get("/clinics/northside-skin", token).statusCode());
      assertEquals(
          404, api.get("/clinics/harbour-dermatology", token).statusCode(), "never a member");

      membership.put("status", AttributeValue.fromS("REMOVED"));
      dynamoDb.putItem(r -> r.tableName(LocalStackConfig.TABLE).item(membership));
      // The same, still unexpired token: the membership is read on every call.
      assertEquals(403, api.get("/clinics/northside-skin", token).statusCode());
    }
  }
}
